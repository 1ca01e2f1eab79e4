package org.gugus.intake.corrections;

/** A corrected flagged victim would take the identity of another victim record of its office. */
public class CorrectionConflictException extends IllegalStateException {

    private final long otherVictimId;

    public CorrectionConflictException(String message, long otherVictimId) {
        super(message);
        this.otherVictimId = otherVictimId;
    }

    public long otherVictimId() {
        return otherVictimId;
    }
}
