package org.gugus.persons.linkage;

import java.util.List;

/**
 * Two victim records compared ({@code victimA < victimB}): the total match weight (prior plus every
 * comparison's weight), the match probability it gives, and each comparison's part of it.
 */
public record ScoredPair(long victimA, long victimB, double weight, double probability,
        List<ComparisonWeight> comparisons) {

    public ScoredPair {
        if (victimA >= victimB) {
            throw new IllegalArgumentException("victimA must be below victimB: " + victimA + ", " + victimB);
        }
        comparisons = List.copyOf(comparisons);
    }

    public VictimPair pair() {
        return new VictimPair(victimA, victimB);
    }
}
