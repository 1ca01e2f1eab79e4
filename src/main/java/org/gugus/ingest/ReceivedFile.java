package org.gugus.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.gugus.intake.FileOutcome;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * A registered file: one row of the file registry, as {@code gugus files} and {@code /api/files}
 * show it.
 *
 * @param landingPath  the content-addressed copy of its bytes
 * @param loadAttempts how many times a load of it was started
 * @param keptAt       where its original is kept now: archive or quarantine for a dropped file,
 *                     else its landing copy
 * @param outcome      what its load became; {@code null} while it is not finished
 */
public record ReceivedFile(long id, String officeCode, String originalName, long size, String sha256,
        @JsonSerialize(using = ToStringSerializer.class) Path landingPath, FileSource source,
        OffsetDateTime receivedAt, FileStatus status, Long duplicateOf, int loadAttempts,
        @JsonSerialize(using = ToStringSerializer.class) Path keptAt, FileOutcome outcome) {
}
