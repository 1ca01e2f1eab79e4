package org.gugus.ingest;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The answer workbook Gugus made for a received file, for channels that send it back (an SFTP
 * source with a {@code feedback-directory}). Another module makes the answers; ingest only asks.
 */
public interface FileAnswers {

    /** The answer workbook of the file, when one was made. */
    Optional<Path> answerOf(long fileId);
}
