package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gugus.GugusApplication;
import org.gugus.system.GugusCommandLine;
import org.junit.jupiter.api.Test;

/** What the access commands answer before Gugus starts: their help, and usage errors. */
class AccessCommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void describesAddingAnAccountWithEveryOption() {
        assertThat(run("users", "add", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--role", "--office", "--password-stdin", "NAMA",
                "Nama akun", "COORDINATOR", "stdin");
    }

    @Test
    void refusesAnAccountWithoutRoleBeforeGugusStarts() {
        assertThat(run("users", "add", "dina")).isEqualTo(64);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--role");
    }

    @Test
    void describesTheAuditKeysAndPurgeCommands() {
        assertThat(run("audit", "list", "--help")).isZero();
        assertThat(run("keys", "rotate", "--help")).isZero();
        assertThat(run("purge", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--user", "--since", "--json", "stop the server first",
                "retention");
    }

    private int run(String... arguments) {
        return GugusCommandLine.run(GugusApplication.class, arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
