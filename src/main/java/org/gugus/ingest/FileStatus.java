package org.gugus.ingest;

import org.gugus.intake.LoadStatus;

/** Where a registered file stands: received and not yet finished, or what its load became. */
public enum FileStatus {
    /** Registered; its load has not finished (running, or interrupted by a crash). */
    RECEIVED,
    /** Published to the warehouse. */
    LOADED,
    /** Nothing of it was loaded; kept with its error. */
    QUARANTINED,
    /** The same content from the same office came before. */
    ALREADY_RECEIVED,
    /** Its last load failed internally; it is loaded again at the next start. */
    FAILED;

    static FileStatus of(LoadStatus status) {
        return switch (status) {
            case LOADED -> LOADED;
            case QUARANTINED -> QUARANTINED;
            case ALREADY_RECEIVED -> ALREADY_RECEIVED;
            case FAILED -> FAILED;
        };
    }
}
