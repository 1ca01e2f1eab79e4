package org.gugus.intake;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A received file to load: its registry id (the job's identity), the landed bytes and their
 * SHA-256, the name it was sent under, the reporting office and the day it was received (dates
 * after it are future).
 */
public record IntakeRequest(long fileId, Path file, String sha256, String fileName, String officeCode,
        LocalDate receivedOn) {
}
