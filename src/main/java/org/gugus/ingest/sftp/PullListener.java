package org.gugus.ingest.sftp;

import java.time.Duration;
import org.gugus.intake.FileOutcome;

/** Hears a pull as it happens: each file registered, each attempt that failed and the wait before the next. */
interface PullListener {

    PullListener NONE = new PullListener() {
    };

    /** A file was pulled and registered (and loaded, or quarantined). */
    default void delivered(FileOutcome delivery) {
    }

    /**
     * An attempt failed with a failure that may pass.
     *
     * @param nextWait how long until the next attempt; {@code null} when it was the last
     */
    default void attemptFailed(int attempt, int attempts, SftpFailure failure, Duration nextWait) {
    }
}
