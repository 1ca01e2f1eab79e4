package org.gugus.persons;

import java.time.OffsetDateTime;
import java.util.List;
import org.gugus.persons.linkage.ComparisonWeight;

/**
 * A queued pair as listed: which two records, of which offices and cases, how probable a match,
 * and the level and weight of every comparison. No name, no NIK.
 */
public record PairSummary(long id, PairStatus status, long victimA, long victimB, String officeA, String officeB,
        String caseA, String caseB, double probability, double weight, List<ComparisonWeight> comparisons,
        OffsetDateTime queuedAt) {
}
