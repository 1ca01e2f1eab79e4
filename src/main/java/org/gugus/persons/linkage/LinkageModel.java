package org.gugus.persons.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The estimated parameters of the Fellegi–Sunter model: the prior match weight (log2 of the odds
 * that two random records are one person), every comparison level's m (the share of true pairs in
 * that level), u (the share of random pairs) and weight log2(m/u), and for the term-frequency
 * adjustment of the name the common name tokens with their frequencies and the frequency given to
 * any other token. Stored as JSON between runs (a record Jackson reads and writes).
 *
 * @param records how many records the model was estimated on (0 for the initial model)
 * @param blockedPairs how many blocked pairs expectation-maximisation ran on
 * @param emIterations how many rounds it took
 */
public record LinkageModel(double priorWeight, List<LevelWeights> levels, List<TokenFrequency> commonTokens,
        double rareTokenFrequency, long records, long blockedPairs, int emIterations) {

    /** The term-frequency adjustment of a name agreement is kept within these bounds (bits). */
    static final double TF_MIN_ADJUSTMENT = -10;
    static final double TF_MAX_ADJUSTMENT = 4;

    public LinkageModel {
        levels = List.copyOf(levels);
        commonTokens = commonTokens == null ? List.of() : List.copyOf(commonTokens);
        if (!(rareTokenFrequency > 0)) {
            rareTokenFrequency = 1e-4;
        }
    }

    /** The provisional constructor's shape: no term frequencies. */
    public LinkageModel(double priorWeight, List<LevelWeights> levels) {
        this(priorWeight, levels, List.of(), 1e-4, 0, 0, 0);
    }

    /**
     * The model before any estimation: m and u set by hand to what linkage studies of civil
     * registers find, for a few hundred thousand records (prior 2^-18).
     */
    public static LinkageModel initial() {
        double[][] m = {
                {0.55, 0.05, 0.02, 0.38},
                {0.55, 0.05, 0.15, 0.12, 0.06, 0.07},
                {0.55, 0.05, 0.04, 0.04, 0.25, 0.07},
                {0.98, 0.02},
                {0.55, 0.15, 0.15, 0.15},
                {0.75, 0.1, 0.15},
                {0.5, 0.25, 0.25}};
        double[][] u = {
                {1e-6, 1e-5, 1e-4, 0.9999},
                {2e-4, 2e-5, 1e-4, 1e-3, 5e-3, 0.99},
                {7e-5, 1e-6, 3e-3, 0.02, 0.08, 0.9},
                {0.5, 0.5},
                {5e-3, 0.03, 0.1, 0.865},
                {0.02, 0.01, 0.97},
                {0.002, 0.02, 0.978}};
        return new LinkageModel(-18, levels(m, u), List.of(), 1e-4, 0, 0, 0);
    }

    static List<LevelWeights> levels(double[][] m, double[][] u) {
        return IntStream.range(0, Comparison.ALL.length).boxed().flatMap(c -> {
            Comparison comparison = Comparison.ALL[c];
            return IntStream.range(0, comparison.levels.size()).mapToObj(l -> new LevelWeights(
                    comparison.id, comparison.levels.get(l), m[c][l], u[c][l], log2(m[c][l] / u[c][l])));
        }).toList();
    }

    /** The weight of one level, 0 when the model does not know it. */
    double weight(String comparison, String level) {
        return levels.stream().filter(l -> l.comparison().equals(comparison) && l.level().equals(level))
                .mapToDouble(LevelWeights::weight).findFirst().orElse(0);
    }

    /** The weights and u of every comparison level, indexed like {@link Comparison#levels}. */
    Tables tables() {
        double[][] weights = new double[Comparison.ALL.length][];
        double[][] u = new double[Comparison.ALL.length][];
        for (Comparison comparison : Comparison.ALL) {
            weights[comparison.ordinal()] = new double[comparison.levels.size()];
            u[comparison.ordinal()] = new double[comparison.levels.size()];
            for (int l = 0; l < comparison.levels.size(); l++) {
                String level = comparison.levels.get(l);
                for (LevelWeights known : levels) {
                    if (known.comparison().equals(comparison.id) && known.level().equals(level)) {
                        weights[comparison.ordinal()][l] = known.weight();
                        u[comparison.ordinal()][l] = known.u();
                    }
                }
            }
        }
        Map<String, Double> frequencies = new HashMap<>();
        commonTokens.forEach(t -> frequencies.put(t.token(), t.frequency()));
        return new Tables(weights, u, frequencies, rareTokenFrequency);
    }

    /** The model in arrays, for scoring many pairs. */
    record Tables(double[][] weights, double[][] u, Map<String, Double> frequencies, double rare) {

        double frequency(String token) {
            return frequencies.getOrDefault(token, rare);
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
