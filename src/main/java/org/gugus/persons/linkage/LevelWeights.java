package org.gugus.persons.linkage;

/** One level of one comparison as the model estimated it: m, u and the weight log2(m/u). */
public record LevelWeights(String comparison, String level, double m, double u, double weight) {
}
