package org.gugus.warehouse;

/** Where a rejected row stands in review. */
public enum RejectionStatus {
    /** Waiting for a correction. */
    OPEN,
    /** A correction of it passed the rules and reached the warehouse. */
    CORRECTED,
    /** Closed by a reviewer without a correction, with a reason ({@code review.dismissal}). */
    DISMISSED
}
