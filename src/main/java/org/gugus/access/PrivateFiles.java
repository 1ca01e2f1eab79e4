package org.gugus.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that only Gugus's own OS user may read: received files (landing, archive,
 * quarantine), keys and generated passwords. Folders are 0700, files 0600, whatever the process's
 * umask; on a file system without POSIX permissions the folder's own ACLs apply.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates a folder and any missing parents; the folder itself, existing or not, becomes owner-only. */
    public static Path folder(Path folder) {
        try {
            Path missing = folder.toAbsolutePath();
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            Files.createDirectories(folder);
            // every folder this call created is owner-only, not only the last one
            for (Path created = folder.toAbsolutePath(); created.startsWith(missing); created = created.getParent()) {
                restrict(created, FOLDER);
                if (created.equals(missing)) {
                    break;
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** Makes an existing file owner-only (0600). */
    public static Path file(Path file) {
        try {
            restrict(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file, e);
        }
    }

    /** Writes a text file that is owner-only from its first byte (its folder too). */
    public static Path write(Path file, String text) {
        folder(file.toAbsolutePath().getParent());
        try {
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
            restrict(partial, FILE);
            Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
