package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTests {

    @TempDir
    Path root;

    @Test
    void everyFolderItCreatesIsOwnerOnly() throws Exception {
        PrivateFiles.folder(root.resolve("archive/64.72"));

        assertThat(mode(root.resolve("archive"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("archive/64.72"))).isEqualTo("rwx------");
    }

    @Test
    void tightensAnExistingFolderAndFile() throws Exception {
        Path folder = Files.createDirectories(root.resolve("quarantine"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(folder.resolve("a.csv"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.folder(folder);
        PrivateFiles.file(file);

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void writesATextFileThatIsOwnerOnly() throws Exception {
        Path file = PrivateFiles.write(root.resolve("home/admin.password"), "secret\n");

        assertThat(file).hasContent("secret");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
