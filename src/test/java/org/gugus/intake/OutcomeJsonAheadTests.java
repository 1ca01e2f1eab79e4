package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class OutcomeJsonAheadTests {

    private static JsonMapper mapper() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    @Test
    void aMapperMadeReadyWritesAndReadsAFilesOutcomeAsAnUnpreparedOneDoes() {
        JsonMapper prepared = mapper();
        OutcomeJsonAhead.prepare(prepared);
        FileOutcome loaded = new FileOutcome("paser-juli.xlsx", 7, "64.01", "ab12", "XLSX", LoadStatus.LOADED, 10, 6, 1,
                0, 1, 2, 0, 3, Map.of("R_NIK", 2L), Map.of("W_SEX", 3L), List.of("Catatan"), null, null);
        FileOutcome quarantined = FileOutcome.quarantined("paser-juli.xlsx", 8, "64.01", "ab12", "XLSX",
                new FileError("F_NO_HEADER", "Tidak ada judul kolom", "No header row"));

        for (FileOutcome outcome : List.of(loaded, quarantined)) {
            String json = prepared.writeValueAsString(outcome);
            assertThat(json).isEqualTo(mapper().writeValueAsString(outcome));
            assertThat(prepared.readValue(json, FileOutcome.class)).isEqualTo(outcome);
        }
    }
}
