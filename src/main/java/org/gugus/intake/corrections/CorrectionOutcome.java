package org.gugus.intake.corrections;

/**
 * What became of a corrected row.
 *
 * @param outcome      REJECTED (an error remains; nothing was written), INSERTED, UPDATED or UNCHANGED
 * @param victimId     the warehouse victim record written or matched; {@code null} when rejected
 * @param findingsJson the row's findings, in the shape stored for rejected rows
 *                     ({@code [{"code", "field", "column", "value", "message_id", "message_en"}]})
 */
public record CorrectionOutcome(String outcome, Long victimId, String findingsJson) {

    public boolean rejected() {
        return "REJECTED".equals(outcome);
    }
}
