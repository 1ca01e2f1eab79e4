package org.gugus.warehouse;

/** Where a rejected row stands in review. */
public enum RejectionStatus {
    /** Waiting for a correction. */
    OPEN,
    /** A correction of it passed the rules and reached the warehouse. */
    CORRECTED
}
