package org.gugus.persons.linkage;

import java.util.List;

/** Victim records normalised once for a run over all of them ({@link Linkage#prepare}); opaque to callers. */
public final class PreparedReports {

    private final List<Prepared> records;
    /** The candidate pairs of the records, built by the first of estimation and scoring, kept for the other. */
    private Candidates candidates;
    private List<BlockingRule> candidatesRules;
    private int candidatesMaxBlockSize;

    PreparedReports(List<Prepared> records) {
        this.records = records;
    }

    List<Prepared> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    /** The records' candidate pairs under the rules: built once (hashing, sorting), then shared. */
    synchronized Candidates candidates(List<BlockingRule> rules, int maxBlockSize) {
        if (candidates == null || !candidatesRules.equals(rules) || candidatesMaxBlockSize != maxBlockSize) {
            candidates = new Candidates(records, rules, maxBlockSize);
            candidatesRules = List.copyOf(rules);
            candidatesMaxBlockSize = maxBlockSize;
        }
        return candidates;
    }

    /** Lets the candidate pairs go (scoring, their last user, is done). */
    synchronized void forgetCandidates() {
        candidates = null;
    }
}
