package org.gugus.persons.linkage;

/**
 * One comparison of a pair: which level it fell in and the weight it gave (log2 of m/u, plus for
 * the name the term-frequency adjustment). Level "missing" (one record lacks the value) weighs 0.
 *
 * @param termFrequencyAdjustment the part of {@code weight} that comes from how common the agreeing
 *        name tokens are (negative for SITI, positive for a rare name); 0 for other comparisons
 */
public record ComparisonWeight(String comparison, String level, double weight, double termFrequencyAdjustment) {

    public ComparisonWeight(String comparison, String level, double weight) {
        this(comparison, level, weight, 0);
    }
}
