package org.gugus.persons.linkage;

import java.util.List;

/** Scores pairs with one model. */
final class Scorer {

    private final LinkageModel model;
    private final LinkageModel.Tables tables;
    /**
     * One explanation per comparison and level without a term-frequency part (index 0: missing), shared
     * by every pair that falls in it: a full run keeps hundreds of thousands of explained pairs.
     */
    private final ComparisonWeight[][] fixed;
    /** The comparisons, cheapest first, for {@link #reaches}: the name (Jaro–Winkler over tokens) last. */
    private static final Comparison[] CHEAP_FIRST = {Comparison.NIK, Comparison.SEX, Comparison.BIRTH_DATE,
            Comparison.ORIGIN, Comparison.BIRTH_PLACE, Comparison.ADDRESS, Comparison.NAME};
    /** The most the comparisons from the kth of {@link #CHEAP_FIRST} on can still add (0 for missing). */
    private final double[] mostFrom;

    Scorer(LinkageModel model) {
        this.model = model;
        this.tables = model.tables();
        this.fixed = new ComparisonWeight[Comparison.ALL.length][];
        for (Comparison comparison : Comparison.ALL) {
            ComparisonWeight[] levels = new ComparisonWeight[comparison.levels.size() + 1];
            levels[0] = new ComparisonWeight(comparison.id, "missing", 0, 0);
            for (int level = 0; level < comparison.levels.size(); level++) {
                levels[level + 1] = new ComparisonWeight(comparison.id, comparison.levels.get(level),
                        tables.weights()[comparison.ordinal()][level], 0);
            }
            fixed[comparison.ordinal()] = levels;
        }
        mostFrom = new double[CHEAP_FIRST.length + 1];
        for (int k = CHEAP_FIRST.length - 1; k >= 0; k--) {
            Comparison comparison = CHEAP_FIRST[k];
            double most = 0;
            for (int level = 0; level < comparison.levels.size(); level++) {
                double tf = comparison.termFrequencyAdjusted(level) ? LinkageModel.TF_MAX_ADJUSTMENT : 0;
                most = Math.max(most, tables.weights()[comparison.ordinal()][level] + tf);
            }
            mostFrom[k] = mostFrom[k + 1] + most;
        }
    }

    LinkageModel model() {
        return model;
    }

    /** The match probability of a pair. */
    double probability(Prepared a, Prepared b) {
        double weight = model.priorWeight();
        for (Comparison comparison : Comparison.ALL) {
            int level = comparison.level(a, b);
            if (level != Comparison.MISSING) {
                weight += tables.weights()[comparison.ordinal()][level];
                if (comparison.termFrequencyAdjusted(level)) {
                    weight += termFrequencyAdjustment(comparison, level, a, b);
                }
            }
        }
        return probability(weight);
    }

    /**
     * Whether the pair's match probability reaches {@code threshold}: {@link #probability} with an
     * early exit once the comparisons left cannot lift the weight so far to the threshold (the cheap
     * comparisons first, the name last).
     */
    boolean reaches(Prepared a, Prepared b, double threshold) {
        double needed = LinkageModel.log2(threshold / (1 - threshold)) - 1e-9;
        double weight = model.priorWeight();
        for (int k = 0; k < CHEAP_FIRST.length; k++) {
            if (weight + mostFrom[k] < needed) {
                return false;
            }
            Comparison comparison = CHEAP_FIRST[k];
            int level = comparison.level(a, b);
            if (level != Comparison.MISSING) {
                weight += tables.weights()[comparison.ordinal()][level];
                if (comparison.termFrequencyAdjusted(level)) {
                    weight += termFrequencyAdjustment(comparison, level, a, b);
                }
            }
        }
        return probability(weight) >= threshold;
    }

    /** The pair with every comparison's level and weight ({@code a.id < b.id}). */
    ScoredPair explain(Prepared a, Prepared b) {
        double weight = model.priorWeight();
        ComparisonWeight[] parts = new ComparisonWeight[Comparison.ALL.length];
        for (Comparison comparison : Comparison.ALL) {
            int c = comparison.ordinal();
            int level = comparison.level(a, b);
            if (level == Comparison.MISSING) {
                parts[c] = fixed[c][0];
                continue;
            }
            double tf = comparison.termFrequencyAdjusted(level) ? termFrequencyAdjustment(comparison, level, a, b) : 0;
            double part = tables.weights()[c][level] + tf;
            parts[c] = tf == 0 ? fixed[c][level + 1]
                    : new ComparisonWeight(comparison.id, comparison.levels.get(level), part, tf);
            weight += part;
        }
        return new ScoredPair(a.id, b.id, weight, probability(weight), List.of(parts));
    }

    /**
     * How much more (or less) a name agreement weighs for the tokens agreed on: log2 of the level's u
     * over the chance that a random record carries all those tokens (the product of their
     * frequencies), within [{@value LinkageModel#TF_MIN_ADJUSTMENT}, {@value LinkageModel#TF_MAX_ADJUSTMENT}].
     */
    double termFrequencyAdjustment(Comparison comparison, int level, Prepared a, Prepared b) {
        double chance = tokenChance(a.sortedTokens.length <= b.sortedTokens.length ? a : b);
        double u = tables.u()[comparison.ordinal()][level];
        if (u <= 0) {
            return 0;
        }
        double adjustment = LinkageModel.log2(u / Math.max(chance, 1e-300));
        return Math.max(LinkageModel.TF_MIN_ADJUSTMENT, Math.min(LinkageModel.TF_MAX_ADJUSTMENT, adjustment));
    }

    /** The product of the frequencies of the record's name tokens, worked out once per record and model. */
    private double tokenChance(Prepared record) {
        Prepared.TokenChance known = record.tokenChance;
        if (known != null && known.tables() == tables) {
            return known.chance();
        }
        double chance = 1;
        for (String token : record.sortedTokens) {
            chance *= tables.frequency(token);
        }
        record.tokenChance = new Prepared.TokenChance(tables, chance);
        return chance;
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
