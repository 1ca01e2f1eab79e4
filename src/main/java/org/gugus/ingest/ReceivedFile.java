package org.gugus.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/** A registered file: one row of the file registry. */
public record ReceivedFile(long id, String officeCode, String originalName, long size, String sha256, Path landingPath,
        FileSource source, OffsetDateTime receivedAt, String status, Long duplicateOf) {
}
