package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gugus.persons.linkage.LinkageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class LinkageSettingsTests {

    @TempDir
    Path folder;

    @Test
    void theShippedFileHoldsTheDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("linkage", new FileSystemResource("jobs/linkage.yaml"))
                .forEach(source -> environment.getPropertySources().addFirst(source));
        ConfigurationPropertySources.attach(environment);

        assertThat(LinkageConfiguration.bind(Binder.get(environment))).isEqualTo(LinkageSettings.defaults());
    }

    @Test
    void keysNotGivenKeepTheirDefaults() {
        LinkageSettings settings = bind(Map.of("gugus.persons.linkage.match-probability", "0.99"));

        assertThat(settings.matchProbability()).isEqualTo(0.99);
        assertThat(settings.reviewProbability()).isEqualTo(LinkageSettings.defaults().reviewProbability());
        assertThat(settings.blockingRules()).isEqualTo(LinkageSettings.defaults().blockingRules());
    }

    @Test
    void aValueOutOfRangeNamesItsKey() {
        assertThatThrownBy(() -> bind(Map.of("gugus.persons.linkage.match-probability", "1.5")))
                .hasMessageContaining("gugus.persons.linkage")
                .hasMessageContaining("match-probability");
        assertThatThrownBy(() -> bind(Map.of("gugus.persons.linkage.review-probability", "0.97")))
                .hasMessageContaining("review-probability");
    }

    @Test
    void aValueThatIsNoNumberNamesItsKey() {
        assertThatThrownBy(() -> bind(Map.of("gugus.persons.linkage.max-block-size", "banyak")))
                .hasMessageContaining("gugus.persons.linkage.max-block-size");
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> bind(Map.of("gugus.persons.linkage.match-treshold", "0.9")))
                .hasMessageContaining("gugus.persons.linkage.match-treshold")
                .hasMessageContaining("match-probability");
    }

    @Test
    void anUnknownBlockingRuleIsNamed() {
        assertThatThrownBy(() -> bind(Map.of("gugus.persons.linkage.blocking-rules[0]", "soundex")))
                .hasMessageContaining("blocking-rules")
                .hasMessageContaining("soundex");
    }

    @Test
    void aMalformedLinkageFileStopsStartUpNamingTheKey() throws IOException {
        Path file = Files.writeString(folder.resolve("linkage.yaml"), """
                gugus:
                  persons:
                    linkage:
                      review-probability: separuh
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(LinkageConfiguration.class)
                .web(WebApplicationType.NONE).run("--GUGUS_LINKAGE_FILE=" + file, "--GUGUS_SFTP_SOURCES_FILE=none.yaml")
                .close())
                .rootCause().hasMessageContaining("gugus.persons.linkage.review-probability");
    }

    @Test
    void aLinkageFileThatIsNoYamlStopsStartUpShowingTheLineOfTheKey() throws IOException {
        Path file = Files.writeString(folder.resolve("linkage.yaml"), """
                gugus:
                  persons:
                    linkage:
                      match-probability: [0.9
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(LinkageConfiguration.class)
                .web(WebApplicationType.NONE).run("--GUGUS_LINKAGE_FILE=" + file, "--GUGUS_SFTP_SOURCES_FILE=none.yaml")
                .close())
                .hasStackTraceContaining("line 4").hasStackTraceContaining("match-probability: [0.9");
    }

    private static LinkageSettings bind(Map<String, String> properties) {
        return LinkageConfiguration.bind(new Binder(new MapConfigurationPropertySource(properties)));
    }
}
