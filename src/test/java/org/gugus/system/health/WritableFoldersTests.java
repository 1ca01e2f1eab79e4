package org.gugus.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableFoldersTests {

    @TempDir
    Path temp;

    @Test
    void findsNothingWrongWithFoldersItCanCreateAndWrite() {
        WritableFolders folders = new WritableFolders(Map.of("GUGUS_HOME", temp.resolve("home"),
                "inbox", temp.resolve("home/inbox")));

        assertThat(folders.problems()).isEmpty();
        assertThat(temp.resolve("home/inbox")).isDirectory().isEmptyDirectory();
    }

    @Test
    void namesEachFolderItCannotWriteAndSaysWhatToDoEvenForRoot() throws IOException {
        // a folder under a regular file cannot be made by anyone, root included
        Path regularFile = Files.writeString(temp.resolve("not-a-folder"), "x");
        Map<String, Path> configured = new LinkedHashMap<>();
        configured.put("GUGUS_HOME", regularFile.resolve("home"));
        configured.put("archive", temp.resolve("archive"));
        configured.put("quarantine", regularFile.resolve("home/quarantine"));

        var problems = new WritableFolders(configured).problems();

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).en()).contains("GUGUS_HOME", regularFile.resolve("home").toString(),
                "cannot be written", "set GUGUS_HOME");
        assertThat(problems.get(0).id()).contains("GUGUS_HOME", "tidak dapat ditulis");
        assertThat(problems.get(1).en()).contains("quarantine");
    }
}
