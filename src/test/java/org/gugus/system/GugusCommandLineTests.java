package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gugus.GugusApplication;
import org.junit.jupiter.api.Test;

/** What the command line answers before Gugus starts: help, versions, completion and usage errors. */
class GugusCommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void listsEveryModulesCommandsInHelp() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("load", "pull", "rejections", "flags", "help", "generate-completion",
                "Status keluar / exit status", "64");
    }

    @Test
    void answersHelpOfACommandWithItsOptions() {
        assertThat(run("load", "--help")).isZero();

        assertThat(out()).contains("--office", "--regency", "--json", "Kantor pengirim");
    }

    @Test
    void reportsAMissingFileAsAUsageErrorWithoutStartingGugus() {
        assertThat(run("load", "--office", "64.72")).isEqualTo(64);

        assertThat(err()).contains("BERKAS").contains("Pemakaian / usage");
        assertThat(out()).isEmpty();
    }

    @Test
    void reportsAnUnknownCommandAsAUsageError() {
        assertThat(GugusCommandLine.isCommand(new String[] {"lod"})).isTrue();
        assertThat(run("lod")).isEqualTo(64);

        assertThat(err()).contains("lod");
    }

    @Test
    void reportsAGroupWithoutSubCommandAsAUsageError() {
        assertThat(run("rejections")).isEqualTo(64);

        assertThat(err()).contains("list", "show", "resubmit");
    }

    @Test
    void leavesServerOptionsToTheServer() {
        assertThat(GugusCommandLine.isCommand(new String[] {"--server.port=8081"})).isFalse();
        assertThat(GugusCommandLine.isCommand(new String[] {})).isFalse();
    }

    @Test
    void startsGugusForTheServerAndCommandsButNotForHelpOrVersion() {
        assertThat(GugusCommandLine.mayStartGugus(new String[] {})).isTrue();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"--server.port=8081"})).isTrue();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"load", "--office", "64.72", "a.csv"})).isTrue();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"--version"})).isFalse();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"load", "--help"})).isFalse();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"help", "load"})).isFalse();
        assertThat(GugusCommandLine.mayStartGugus(new String[] {"generate-completion"})).isFalse();
    }

    @Test
    void startsCamelOnlyForTheCommandThatRunsRoutes() {
        assertThat(GugusCommandLine.runsRoutes(new String[] {"pull", "--regency", "64.72"})).isTrue();
        assertThat(GugusCommandLine.runsRoutes(new String[] {"load", "--office", "64.72", "a.csv"})).isFalse();
        assertThat(GugusCommandLine.runsRoutes(new String[] {"files", "list"})).isFalse();
    }

    @Test
    void makesTheAnswerWorkbooksReadyOnlyForCommandsThatLoadFiles() {
        assertThat(GugusCommandLine.loadsFiles(new String[] {"load", "--office", "64.72", "a.csv"})).isTrue();
        assertThat(GugusCommandLine.loadsFiles(new String[] {"pull", "--regency", "64.72"})).isTrue();
        assertThat(GugusCommandLine.loadsFiles(new String[] {"report", "--from", "2024-01-01"})).isFalse();
        assertThat(GugusCommandLine.loadsFiles(new String[] {"files", "list"})).isFalse();
        assertThat(GugusCommandLine.loadsFiles(new String[] {})).isFalse();
    }

    @Test
    void writesAShellCompletionScript() {
        assertThat(run("generate-completion")).isZero();

        assertThat(out()).contains("complete -F").contains("rejections");
    }

    private int run(String... arguments) {
        return GugusCommandLine.run(GugusApplication.class, arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
