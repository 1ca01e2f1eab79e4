package org.gugus.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Deletes the files of one kind a killed process left in a folder: a file Gugus writes for a short while
 * and deletes itself (a received file's copy, the rows kept for an answer) is no process's any more once
 * it is older than any process keeps it, and it may hold names and NIKs.
 */
public final class LeftBehindFiles {

    private LeftBehindFiles() {
    }

    /**
     * Deletes the files in {@code folder} whose names match {@code glob} and that were last written before
     * {@code before}; returns how many. A file that cannot be read or deleted is left (another process deleted it
     * meanwhile, or it is not ours to delete); a folder that cannot be listed deletes nothing.
     */
    public static int delete(Path folder, String glob, Instant before) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    // left, as said
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing deleted: the next process tries again
        }
        return deleted;
    }
}
