package org.gugus.persons.linkage;

import java.util.List;
import java.util.Set;

/**
 * The persons found among some victim records: each cluster is one person's records (every record
 * given is in exactly one cluster); {@code review} holds the pairs between the two thresholds, not
 * decided, whose records ended in different clusters — for provincial staff to decide: at most
 * {@link LinkageSettings#maxReviewPairs()}, the most probable; {@code notQueued} counts the others.
 */
public record Clusters(List<Set<Long>> clusters, List<ScoredPair> review, int notQueued) {

    public Clusters {
        clusters = List.copyOf(clusters);
        review = List.copyOf(review);
    }
}
