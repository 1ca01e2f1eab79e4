package org.gugus.persons;

import java.util.Locale;
import org.gugus.system.Messages;

/** Where a queued pair stands: open for a reviewer, decided, or closed (no longer uncertain). */
public enum PairStatus {
    OPEN, DECIDED, CLOSED;

    /** The status written (any case); {@code ALL} or nothing is every status (null). */
    static PairStatus of(String written) {
        if (written == null || written.isBlank() || written.strip().equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return valueOf(written.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.get("persons.pairs.unknown-status", written).both(), e);
        }
    }
}
