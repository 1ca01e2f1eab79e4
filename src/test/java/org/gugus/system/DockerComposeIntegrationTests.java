package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code docker compose up} as the README says it, with the jar just built: PostgreSQL, Gugus and the
 * sample SFTP server start and Gugus becomes healthy. Needs a Docker engine with compose: runs in the
 * docker-it profile after {@code package} ({@code ./mvnw verify -Pdocker-it}), never in the default build.
 */
@Tag("compose")
class DockerComposeIntegrationTests {

    @Test
    void bringsUpTheStackUntilGugusIsHealthyAndReady() throws Exception {
        assertThat(Path.of("target/gugus.jar")).as("built by package before this test").exists();
        assertThat(new ProcessBuilder("docker/sftp/make-keys.sh").inheritIO().start().waitFor()).isZero();
        Files.createDirectories(Path.of("data"));
        Map<String, String> env = Map.of(
                "GUGUS_DB_ADMIN_PASSWORD", secret(),
                "GUGUS_DB_PASSWORD", secret(),
                "GUGUS_SFTP_6471_PASSWORD", secret(),
                "GUGUS_UID", uid(), "GUGUS_GID", uid());
        try (ComposeContainer stack = new ComposeContainer(new File("docker-compose.yml"))
                .withEnv(env)
                .withBuild(true)
                .waitingFor("gugus", Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(5)))) {
            stack.start();

            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String uid() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor();
        return uid;
    }
}
