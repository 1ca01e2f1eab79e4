package org.gugus.intake.corrections;

/**
 * What became of a corrected row.
 *
 * @param outcome      whether it was rejected or how it changed the warehouse
 * @param victimId     the warehouse victim record written or matched; {@code null} when rejected
 * @param findingsJson the row's findings, in the shape stored for rejected rows
 *                     ({@code [{"code", "field", "column", "value", "message_id", "message_en"}]})
 */
public record CorrectionOutcome(Outcome outcome, Long victimId, String findingsJson) {

    /** What became of a corrected row, stored by its name ({@code review.correction.outcome}). */
    public enum Outcome {
        /** An error remains; nothing was written. */
        REJECTED,
        /** A new victim record was written. */
        INSERTED,
        /** A victim record took the corrected values; the replaced version went to its history. */
        UPDATED,
        /** The corrected row is what the warehouse holds already. */
        UNCHANGED
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }
}
