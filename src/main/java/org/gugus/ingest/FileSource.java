package org.gugus.ingest;

/** How a file reached Gugus. */
public enum FileSource {
    DROP_FOLDER, COMMAND_LINE, SFTP,
    /** Uploaded by a steward on the Unggah page. */
    UPLOAD
}
