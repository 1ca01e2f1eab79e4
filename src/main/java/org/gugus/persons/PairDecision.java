package org.gugus.persons;

import java.time.OffsetDateTime;
import org.gugus.persons.linkage.Decision;

/** One decision on a pair, as kept: every decision stays, the latest wins. */
public record PairDecision(Decision decision, String decidedBy, OffsetDateTime decidedAt, String note) {
}
