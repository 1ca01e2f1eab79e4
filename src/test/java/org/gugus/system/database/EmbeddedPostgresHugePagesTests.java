package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's processes ask glibc for their own memory (sorts, hashes, temporary tables' buffers) on
 * transparent huge pages, unless the environment Gugus runs in chose otherwise.
 */
class EmbeddedPostgresHugePagesTests {

    @TempDir
    Path home;

    @Test
    void asksForHugePagesWhenNoTunableIsSet() {
        assertThat(EmbeddedPostgres.withHugePages(null)).isEqualTo("glibc.malloc.hugetlb=1");
        assertThat(EmbeddedPostgres.withHugePages("")).isEqualTo("glibc.malloc.hugetlb=1");
    }

    @Test
    void keepsTheTunablesSetElsewhereAndAddsHugePages() {
        assertThat(EmbeddedPostgres.withHugePages("glibc.malloc.arena_max=2"))
                .isEqualTo("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    }

    @Test
    void keepsAChoiceOfHugePagesMadeElsewhere() {
        assertThat(EmbeddedPostgres.withHugePages("glibc.malloc.hugetlb=0")).isEqualTo("glibc.malloc.hugetlb=0");
    }

    @Test
    void startsTheServerWithMallocsMemoryOnHugePages() throws IOException {
        assumeTrue(PostgresPlatform.current().linux(), "the tunable is glibc's, on Linux");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            Path environment = Path.of("/proc", Long.toString(server.serverPid()), "environ");
            List<String> variables = Arrays.asList(
                    new String(Files.readAllBytes(environment), StandardCharsets.UTF_8).split("\0"));

            String expected = EmbeddedPostgres.withHugePages(System.getenv("GLIBC_TUNABLES"));
            assertThat(variables).as("the server's environment").contains("GLIBC_TUNABLES=" + expected);
        }
    }
}
