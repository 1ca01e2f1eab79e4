package org.gugus.warehouse;

/** What became of one row of a loaded file, as the office's answer workbook names it. */
public enum RowStatus {
    /** Loaded without a finding. */
    DITERIMA,
    /** Loaded, with at least one warning. */
    PERINGATAN,
    /** An earlier row of the same victim in the file; the last one was loaded. */
    DUPLIKAT,
    /** Rejected by a rule: not loaded, waiting in review. */
    DITOLAK,
    /** Not a victim row (totals, column numbers, signatures): never stored, every row under a header without an outcome. */
    DILEWATI
}
