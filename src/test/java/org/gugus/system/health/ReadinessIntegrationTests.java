package org.gugus.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code /actuator/health/readiness}, what Docker's healthcheck asks, on a running Gugus. */
class ReadinessIntegrationTests {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gugus.ingest.resume-on-start=false")
    @ExtendWith(OutputCaptureExtension.class)
    class WhenTheHomeCannotBeWritten {

        static Path blockedHome;

        @DynamicPropertySource
        static void blockTheHome(DynamicPropertyRegistry registry) throws IOException {
            // a folder under a regular file: not writable even for root, unlike a chmod'ed folder
            Path regularFile = Files.createTempFile("gugus-not-a-folder", ".txt");
            blockedHome = regularFile.resolve("home");
            registry.add("gugus.home", blockedHome::toString);
            TestDatabases.register(registry, "readiness_blocked_" + ProcessHandle.current().pid());
        }

        @LocalServerPort
        int port;

        @Test
        void isNotReadyAndLogsWhatToFixAtError(CapturedOutput output) {
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(output.getOut()).containsPattern("ERROR .*Gugus is not ready: .*Folder GUGUS_HOME \\("
                    + java.util.regex.Pattern.quote(blockedHome.toString()) + "\\) cannot be written");
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(dockerHealthcheck(port)).as("exit status of docker/healthcheck.sh").isEqualTo(1);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "gugus.ingest.resume-on-start=false")
    class WhenAllIsWell {

        @DynamicPropertySource
        static void isolate(DynamicPropertyRegistry registry) {
            org.gugus.IntegrationTest.isolate(registry);
        }

        @LocalServerPort
        int port;

        @Test
        void isReady() {
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("UP");
            assertThat(dockerHealthcheck(port)).as("exit status of docker/healthcheck.sh").isZero();
        }
    }

    /** Runs the image's healthcheck script against this app. */
    static int dockerHealthcheck(int port) {
        try {
            ProcessBuilder healthcheck = new ProcessBuilder("bash", "docker/healthcheck.sh").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            healthcheck.environment().put("SERVER_PORT", String.valueOf(port));
            Process process = healthcheck.start();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("healthcheck did not answer within 30 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
