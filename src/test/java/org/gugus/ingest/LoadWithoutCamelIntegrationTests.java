package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every command but {@code gugus pull} starts without Camel (as the command line starts it): a local
 * file is received, loaded and answered all the same.
 */
@SpringBootTest(properties = {"gugus.camel.enabled=false", "gugus.ingest.resume-on-start=false",
        "gugus.sftp.poll-on-schedule=false"})
class LoadWithoutCamelIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    GugusCommands gugus;

    @Autowired
    FileAnswers answers;

    @TempDir
    Path files;

    @Test
    void loadsALocalFileAndWritesItsAnswerWithoutACamelContext() {
        Path file = TestWorkbooks.csv(files.resolve("paser-2024-06.csv"), TestWorkbooks.victims(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "load", "--regency", "64.01", "--json", file.toString());

        assertThat(context.getBeanNamesForType(CamelContext.class)).isEmpty();
        assertThat(exit).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("\"status\":\"LOADED\"", "\"inserted\":2");
        long fileId = Long.parseLong(summary.replaceAll("(?s).*\"file_id\":(\\d+).*", "$1"));
        assertThat(answers.answerOf(fileId)).isPresent();
    }
}
