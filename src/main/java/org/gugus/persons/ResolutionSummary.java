package org.gugus.persons;

/**
 * What one resolution did: the records it compared, the persons they make, the pairs linked (by the
 * model or a decision), the pairs left open for review, the uncertain pairs beyond the run's cap that
 * were not queued ({@code max-review-pairs}), how long the resolution took (until its commit), and
 * how long the modules following persons took after it ({@code followSeconds}: the reporting
 * schema's refresh on {@link PersonsChanged}, a rebuild after a run over every record).
 */
public record ResolutionSummary(boolean all, int victims, int persons, int links, int pairsQueued, int pairsNotQueued,
        double seconds, double followSeconds) {

    static ResolutionSummary nothing(boolean all, double seconds) {
        return new ResolutionSummary(all, 0, 0, 0, 0, 0, seconds, 0);
    }

    ResolutionSummary timed(double resolved, double followed) {
        return new ResolutionSummary(all, victims, persons, links, pairsQueued, pairsNotQueued, resolved, followed);
    }
}
