package org.gugus.ingest;

import org.gugus.intake.FileOutcome;

/**
 * A received file's load finished (or it was refused before loading), and the registry holds its
 * outcome. Published synchronously, after the registry is written, by whatever channel received
 * the file; a listener's failure must not undo a reception, so listeners catch their own.
 */
public record FileFinished(long fileId, FileOutcome outcome) {
}
