package org.gugus.persons.linkage;

import java.util.List;

/** Victim records normalised once for a run over all of them ({@link Linkage#prepare}); opaque to callers. */
public final class PreparedReports {

    private final List<Prepared> records;
    /** The candidate pairs of the records, built by the first of estimation and scoring, kept for the other. */
    private Candidates candidates;
    private List<BlockingRule> candidatesRules;
    private LinkageSettings candidatesSettings;

    PreparedReports(List<Prepared> records) {
        this.records = records;
    }

    List<Prepared> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    /** The records' candidate pairs under the rules and their caps: built once (hashing, sorting), then shared. */
    synchronized Candidates candidates(List<BlockingRule> rules, LinkageSettings settings) {
        if (candidates == null || !candidatesRules.equals(rules)
                || candidatesSettings.maxBlockSize() != settings.maxBlockSize()
                || candidatesSettings.maxWeakBlockSize() != settings.maxWeakBlockSize()) {
            candidates = new Candidates(records, rules, settings);
            candidatesRules = List.copyOf(rules);
            candidatesSettings = settings;
        }
        return candidates;
    }

    /** Lets the candidate pairs go (scoring, their last user, is done). */
    synchronized void forgetCandidates() {
        candidates = null;
    }
}
