package org.gugus.persons.linkage;

/** One comparison of a pair: which level it fell in and the weight (log2 of m/u) that level gave. */
public record ComparisonWeight(String comparison, String level, double weight) {
}
