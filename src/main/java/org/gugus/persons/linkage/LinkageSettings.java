package org.gugus.persons.linkage;

import java.util.List;

/**
 * How records are linked: the blocking rules that make candidate pairs (OR-ed), and the two
 * thresholds on the match probability: at or above {@code matchProbability} records are linked;
 * from {@code reviewProbability} up to it the pair is queued for a reviewer.
 */
public record LinkageSettings(List<String> blockingRules, double matchProbability, double reviewProbability) {

    public static final List<String> BLOCKING_RULES = List.of("nik", "name-birth-year");

    public LinkageSettings {
        blockingRules = List.copyOf(blockingRules);
    }

    public static LinkageSettings defaults() {
        return new LinkageSettings(BLOCKING_RULES, 0.95, 0.5);
    }
}
