package org.gugus.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.gugus.TestFolders;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running Gugus whose home cannot be written (a path under a regular file, which even root cannot
 * create): not ready, with what to fix at ERROR; alive all the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@ExtendWith(OutputCaptureExtension.class)
class UnwritableHomeIntegrationTests {

    private static Path blockedHome;

    @DynamicPropertySource
    static void blockTheHome(DynamicPropertyRegistry registry) throws IOException {
        // a folder under a regular file: not writable even for root, unlike a chmod'ed folder
        Path regularFile = TestFolders.file("gugus-not-a-folder", ".txt");
        blockedHome = regularFile.resolve("home");
        registry.add("gugus.home", blockedHome::toString);
        TestDatabases.register(registry, "readiness_blocked_" + ProcessHandle.current().pid());
    }

    @LocalServerPort
    int port;

    @Test
    void isNotReadyAndLogsWhatToFixAtError(CapturedOutput output) {
        HttpResponse<String> readiness = ReadinessIntegrationTests.get(port, "/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(output.getOut()).containsPattern("ERROR .*Gugus is not ready: .*Folder GUGUS_HOME \\("
                + Pattern.quote(blockedHome.toString()) + "\\) cannot be written");
        assertThat(ReadinessIntegrationTests.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(ReadinessIntegrationTests.dockerHealthcheck(port)).as("exit status of docker/healthcheck.sh").isEqualTo(1);
    }
}
