package org.gugus.intake.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules' texts against the bundle files themselves: looked up through {@code ResourceBundle}, a
 * key missing from the English file would silently give the Indonesian text.
 */
class RuleTextTests {

    private static final String RULE_KEYS = "intake.rule.";

    @ParameterizedTest
    @EnumSource(RuleCode.class)
    void everyRuleCodeHasItsTextsInIndonesianAndInEnglish(RuleCode code) throws IOException {
        Set<String> keys = Arrays.stream(RuleText.values()).filter(text -> text.code() == code).map(RuleText::key)
                .collect(Collectors.toSet());

        assertThat(keys).as("texts of %s", code).isNotEmpty();
        assertThat(bundle("messages/intake.properties").stringPropertyNames()).as("Indonesian").containsAll(keys);
        assertThat(bundle("messages/intake_en.properties").stringPropertyNames()).as("English").containsAll(keys);
    }

    @ParameterizedTest
    @ValueSource(strings = { "messages/intake.properties", "messages/intake_en.properties" })
    void holdsNoRuleTextThatNoRuleWrites(String file) throws IOException {
        Set<String> ruleKeys = bundle(file).stringPropertyNames().stream().filter(key -> key.startsWith(RULE_KEYS))
                .collect(Collectors.toSet());

        assertThat(ruleKeys).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RuleText.values()).map(RuleText::key).toList());
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RuleTextTests.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
