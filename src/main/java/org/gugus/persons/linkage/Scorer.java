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
        String[] agreed = a.sortedTokens.length <= b.sortedTokens.length ? a.sortedTokens : b.sortedTokens;
        double chance = 1;
        for (String token : agreed) {
            chance *= tables.frequency(token);
        }
        double u = tables.u()[comparison.ordinal()][level];
        if (u <= 0) {
            return 0;
        }
        double adjustment = LinkageModel.log2(u / Math.max(chance, 1e-300));
        return Math.max(LinkageModel.TF_MIN_ADJUSTMENT, Math.min(LinkageModel.TF_MAX_ADJUSTMENT, adjustment));
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
