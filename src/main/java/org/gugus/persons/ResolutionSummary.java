package org.gugus.persons;

/**
 * What one resolution did: the records it compared, the persons they make, the pairs linked (by the
 * model or a decision), the pairs left open for review, the uncertain pairs beyond the run's cap that
 * were not queued ({@code max-review-pairs}), how long it took.
 */
public record ResolutionSummary(boolean all, int victims, int persons, int links, int pairsQueued, int pairsNotQueued,
        double seconds) {

    static ResolutionSummary nothing(boolean all, double seconds) {
        return new ResolutionSummary(all, 0, 0, 0, 0, 0, seconds);
    }
}
