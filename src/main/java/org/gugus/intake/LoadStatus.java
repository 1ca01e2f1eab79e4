package org.gugus.intake;

/** What became of a received file. */
public enum LoadStatus {
    /** Published to the warehouse; its rejected rows are kept for review. */
    LOADED,
    /** Nothing of it was loaded; the file is kept with its error for the steward. */
    QUARANTINED,
    /** The same content from the same office was received before; not loaded again. */
    ALREADY_RECEIVED,
    /** An internal failure stopped the load; it resumes when re-run. */
    FAILED
}
