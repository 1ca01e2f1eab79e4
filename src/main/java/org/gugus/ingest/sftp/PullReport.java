package org.gugus.ingest.sftp;

import java.util.List;
import org.gugus.intake.FileOutcome;

/**
 * What one pull from an office brought in: the files registered (and what became of each), how many
 * attempts it took, and the failure that ended it if any ({@link SftpFailure#BUSY} when another
 * instance was pulling the office, {@link SftpFailure#INTERRUPTED} when Gugus stopped).
 */
record PullReport(String officeCode, List<FileOutcome> deliveries, SftpFailure failure, int attempts) {

    PullReport {
        deliveries = List.copyOf(deliveries);
    }

    boolean busy() {
        return failure != null && SftpFailure.BUSY.equals(failure.code());
    }

    boolean failed() {
        return failure != null;
    }
}
