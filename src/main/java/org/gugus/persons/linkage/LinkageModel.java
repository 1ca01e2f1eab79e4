package org.gugus.persons.linkage;

import java.util.List;

/**
 * The estimated parameters of the Fellegi–Sunter model: the prior match weight and every comparison
 * level's m and u. Stored as JSON between runs (a record Jackson reads and writes).
 */
public record LinkageModel(double priorWeight, List<LevelWeights> levels) {

    public LinkageModel {
        levels = List.copyOf(levels);
    }

    /** The model before any estimation: exact NIK and exact name plus birth year only. */
    public static LinkageModel initial() {
        return new LinkageModel(-10, List.of(
                new LevelWeights("nik", "equal", 0.9, 0.0001, log2(0.9 / 0.0001)),
                new LevelWeights("name_birth_year", "equal", 0.8, 0.0005, log2(0.8 / 0.0005))));
    }

    double weight(String comparison, String level) {
        return levels.stream().filter(l -> l.comparison().equals(comparison) && l.level().equals(level))
                .mapToDouble(LevelWeights::weight).findFirst().orElse(0);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
