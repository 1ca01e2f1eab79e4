package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class LinkageModelTests {

    @Test
    void survivesAJsonRoundTripInSnakeCase() {
        LinkageModel model = new LinkageModel(-12.5, LinkageModel.initial().levels(),
                List.of(new TokenFrequency("SITI", 0.08), new TokenFrequency("NUR", 0.05)), 3e-4, 1900, 5000, 12);
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

        String text = json.writeValueAsString(model);

        assertThat(text).contains("\"prior_weight\"", "\"common_tokens\"", "\"rare_token_frequency\"")
                .doesNotContain("tables");
        assertThat(json.readValue(text, LinkageModel.class)).isEqualTo(model);
    }
}
