package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What an operator relies on in docker-compose.yml, the Dockerfile, .dockerignore and .env.example,
 * checked where no Docker engine runs (the docker-it profile brings the stack up where one does).
 */
class DeploymentFilesTests {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");

    private final String composeText = read("docker-compose.yml");
    private final Map<String, Map<String, Object>> services = services(composeText);

    @Test
    void startsPostgresGugusAndTheSampleSftpServerEachWithARestartPolicy() {
        assertThat(services).containsOnlyKeys("postgres", "gugus", "sftp");
        services.forEach((name, service) -> assertThat(service.get("restart")).as(name)
                .isIn("always", "unless-stopped", "on-failure"));
    }

    @Test
    void publishesPortsOnLoopbackUnlessTheOperatorSaysOtherwise() {
        services.forEach((name, service) -> {
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                assertThat(port.toString()).as(name).startsWith("${GUGUS_BIND_ADDRESS:-127.0.0.1}:");
            }
        });
        assertThat(services.get("postgres")).doesNotContainKey("ports");
    }

    @Test
    void takesEverySecretFromTheEnvFileAndRefusesToRunWithoutIt() {
        assertThat(composeText).doesNotContainIgnoringCase("change-me");
        Matcher secret = Pattern.compile("\\$\\{(\\w*PASSWORD\\w*)([^}]*)}").matcher(composeText);
        int secrets = 0;
        while (secret.find()) {
            assertThat(secret.group(2)).as(secret.group(1)).startsWith(":?");
            secrets++;
        }
        assertThat(secrets).isGreaterThanOrEqualTo(3);
        String envExample = read(".env.example");
        for (String variable : requiredVariables()) {
            assertThat(envExample).as(".env.example lists " + variable).containsPattern("(?m)^" + variable + "=$");
        }
        assertThat(read(".gitignore")).containsPattern("(?m)^\\.env$");
    }

    @Test
    void gugusIsHealthyOnlyWhenReadyAndStartsAfterADatabaseThatIs() {
        Map<String, Object> gugus = services.get("gugus");
        Map<?, ?> healthcheck = (Map<?, ?>) gugus.get("healthcheck");
        assertThat(healthcheck.get("test").toString()).contains("/opt/gugus/healthcheck.sh");
        assertThat(read("docker/healthcheck.sh")).contains("/actuator/health/readiness");
        assertThat(read("Dockerfile")).contains("COPY docker/healthcheck.sh")
                .containsPattern("(?m)^HEALTHCHECK .*/opt/gugus/healthcheck.sh");
        assertThat(((Map<?, ?>) gugus.get("depends_on")).get("postgres").toString()).contains("service_healthy");
        assertThat(services.get("postgres")).containsKey("healthcheck");
    }

    @Test
    void connectsWithBatchedInsertsAsAnOrdinaryRole() {
        Map<?, ?> environment = (Map<?, ?>) services.get("gugus").get("environment");
        assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).contains("reWriteBatchedInserts=true");
        assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("gugus");
        assertThat(read("docker/postgres/10-gugus-role.sh")).contains("create database gugus owner gugus")
                .containsPattern("(?m)^create role gugus login password :'password';$");
    }

    @Test
    void sendsOnlyTheJarRoutesTemplatesAndHealthcheckToTheDockerBuild() {
        List<String> rules = read(".dockerignore").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(rules.get(0)).as("everything is left out first").isEqualTo("*");
        assertThat(rules.stream().filter(rule -> rule.startsWith("!")).toList())
                .containsExactlyInAnyOrder("!target/gugus.jar", "!routes/", "!jobs/", "!docker/healthcheck.sh");
        assertThat(rules).contains("**/*_ed25519*", "**/*.key", "**/.env");
    }

    private Set<String> requiredVariables() {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = REQUIRED_VARIABLE.matcher(composeText);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String compose) {
        Map<String, Object> file = new Yaml().load(compose);
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
