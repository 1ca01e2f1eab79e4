package org.gugus.ingest.sftp;

import java.util.List;
import org.gugus.intake.FileOutcome;

/**
 * What one pull from an office brought in: the files registered (and what became of each), the
 * failure that ended it if any, and whether it did not run because another instance was pulling.
 */
record PullReport(String officeCode, List<FileOutcome> deliveries, SftpFailure failure, boolean busy) {

    static PullReport busy(String officeCode, List<FileOutcome> deliveries) {
        return new PullReport(officeCode, deliveries, null, true);
    }

    boolean failed() {
        return failure != null || busy;
    }
}
