package org.gugus.persons.linkage;

import java.util.List;

/**
 * How records are linked ({@code gugus.persons.linkage.*} in {@code jobs/linkage.yaml}; every
 * default is in {@link #defaults()} and in docs/unique-victims.md).
 *
 * @param blockingRules the rules that make candidate pairs, OR-ed: names from {@link #BLOCKING_RULES}
 * @param matchProbability at or above it two records are linked (default 0.95)
 * @param reviewProbability from it up to {@code matchProbability} the pair is queued for a reviewer (default 0.5)
 * @param maxBlockSize a blocking key shared by more records than this makes no pairs (default 200): a
 *        common token in one birth year ("SITI" born 1990) says too little; the records still meet
 *        through their other keys
 * @param maxWeakBlockSize the same for the keys of the weak rules, {@code name-birth-year} and
 *        {@code birth-date-sex} (default 150): a block of them is mostly strangers who share a common
 *        name token and a birth year, or a birth date; an incremental run reads every record of the
 *        blocks of its new records
 * @param priorRecall the share of all matching pairs that the deterministic rules (equal valid NIK; equal
 *        name, birth date and sex) are taken to find, for the prior (default 0.5)
 * @param randomPairs how many random pairs estimate u (default 1,000,000)
 * @param emMaxPairs at most this many blocked pairs (a seeded sample) estimate m (default 2,000,000)
 * @param emMaxIterations at most this many rounds of expectation-maximisation (default 40)
 * @param tfMinRecords a name token is kept in the model with its frequency only when at least this many
 *        records carry it (default 20); any other token counts as rare
 * @param tfMaxTokens at most this many (the commonest) name tokens are kept in the model (default 1,000)
 * @param maxReviewPairs at most this many pairs are queued for review by one run, the most probable
 *        (default 20,000); the others are not stored, and the run says how many
 */
public record LinkageSettings(List<String> blockingRules, double matchProbability, double reviewProbability,
        int maxBlockSize, int maxWeakBlockSize, double priorRecall, int randomPairs, int emMaxPairs,
        int emMaxIterations, int tfMinRecords, int tfMaxTokens, int maxReviewPairs) {

    /** The blocking rules there are; see {@link BlockingRule}. */
    public static final List<String> BLOCKING_RULES = BlockingRule.names();

    public LinkageSettings {
        if (blockingRules == null || blockingRules.isEmpty()) {
            throw new IllegalArgumentException("blocking-rules must name at least one of " + BLOCKING_RULES);
        }
        for (String rule : blockingRules) {
            if (!BLOCKING_RULES.contains(rule)) {
                throw new IllegalArgumentException("blocking-rules: unknown rule '" + rule + "' (known: "
                        + String.join(", ", BLOCKING_RULES) + ")");
            }
        }
        blockingRules = List.copyOf(blockingRules);
        if (!(matchProbability > 0 && matchProbability <= 1)) {
            throw new IllegalArgumentException("match-probability must be in (0,1]: " + matchProbability);
        }
        if (!(reviewProbability > 0 && reviewProbability <= matchProbability)) {
            throw new IllegalArgumentException("review-probability must be in (0,match-probability]: " + reviewProbability);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("max-block-size must be at least 2: " + maxBlockSize);
        }
        if (maxWeakBlockSize < 2) {
            throw new IllegalArgumentException("max-weak-block-size must be at least 2: " + maxWeakBlockSize);
        }
        if (!(priorRecall > 0 && priorRecall <= 1)) {
            throw new IllegalArgumentException("prior-recall must be in (0,1]: " + priorRecall);
        }
        if (randomPairs < 1_000) {
            throw new IllegalArgumentException("random-pairs must be at least 1000: " + randomPairs);
        }
        if (emMaxPairs < 1_000) {
            throw new IllegalArgumentException("em-max-pairs must be at least 1000: " + emMaxPairs);
        }
        if (emMaxIterations < 1) {
            throw new IllegalArgumentException("em-max-iterations must be at least 1: " + emMaxIterations);
        }
        if (tfMinRecords < 2) {
            throw new IllegalArgumentException("tf-min-records must be at least 2: " + tfMinRecords);
        }
        if (tfMaxTokens < 0) {
            throw new IllegalArgumentException("tf-max-tokens must not be negative: " + tfMaxTokens);
        }
        if (maxReviewPairs < 0) {
            throw new IllegalArgumentException("max-review-pairs must not be negative: " + maxReviewPairs);
        }
    }

    public static LinkageSettings defaults() {
        return new LinkageSettings(BLOCKING_RULES, 0.95, 0.5, 200, 150, 0.5, 1_000_000, 2_000_000, 40, 20, 1_000,
                20_000);
    }

    /** These settings with other thresholds. */
    public LinkageSettings withThresholds(double match, double review) {
        return new LinkageSettings(blockingRules, match, review, maxBlockSize, maxWeakBlockSize, priorRecall,
                randomPairs, emMaxPairs, emMaxIterations, tfMinRecords, tfMaxTokens, maxReviewPairs);
    }

    /** These settings with another cap on the pairs one run queues for review. */
    public LinkageSettings withMaxReviewPairs(int max) {
        return new LinkageSettings(blockingRules, matchProbability, reviewProbability, maxBlockSize, maxWeakBlockSize,
                priorRecall, randomPairs, emMaxPairs, emMaxIterations, tfMinRecords, tfMaxTokens, max);
    }

    /** These settings with other caps on the blocks (of every rule, and of the weak rules). */
    public LinkageSettings withMaxBlockSizes(int max, int maxWeak) {
        return new LinkageSettings(blockingRules, matchProbability, reviewProbability, max, maxWeak, priorRecall,
                randomPairs, emMaxPairs, emMaxIterations, tfMinRecords, tfMaxTokens, maxReviewPairs);
    }

    /** These settings with other blocking rules. */
    public LinkageSettings withBlockingRules(List<String> rules) {
        return new LinkageSettings(rules, matchProbability, reviewProbability, maxBlockSize, maxWeakBlockSize,
                priorRecall, randomPairs, emMaxPairs, emMaxIterations, tfMinRecords, tfMaxTokens, maxReviewPairs);
    }
}
