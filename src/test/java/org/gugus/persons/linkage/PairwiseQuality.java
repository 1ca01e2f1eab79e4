package org.gugus.persons.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pairwise precision and recall of clusters against the true persons of labelled records. */
record PairwiseQuality(long truePairs, long foundPairs, long correctPairs) {

    static PairwiseQuality of(List<Set<Long>> clusters, Map<Long, Integer> personOf) {
        long found = 0;
        long correct = 0;
        for (Set<Long> cluster : clusters) {
            found += (long) cluster.size() * (cluster.size() - 1) / 2;
            Map<Integer, Integer> perPerson = new HashMap<>();
            cluster.forEach(id -> perPerson.merge(personOf.get(id), 1, Integer::sum));
            for (int k : perPerson.values()) {
                correct += (long) k * (k - 1) / 2;
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        personOf.values().forEach(p -> sizes.merge(p, 1, Integer::sum));
        long truth = sizes.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
        return new PairwiseQuality(truth, found, correct);
    }

    double precision() {
        return foundPairs == 0 ? 1 : correctPairs / (double) foundPairs;
    }

    double recall() {
        return truePairs == 0 ? 1 : correctPairs / (double) truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
