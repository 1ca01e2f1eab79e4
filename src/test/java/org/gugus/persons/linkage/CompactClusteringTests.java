package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clustering in arrays, pairs offered heaviest first, as a bounded run offers them and as {@link Linkage#cluster}
 * does: the persons and review pairs of the clustering of objects ({@link ObjectClustering}).
 */
class CompactClusteringTests {

    private final LinkageSettings settings = LinkageSettings.defaults();
    private final Linkage linkage = new Linkage(settings);

    @Test
    void findsThePersonsOfTheClusteringInMemoryWithNiksSexesNamesAndDecisions() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int n = 300;
            List<VictimReport> reports = new ArrayList<>();
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = 10 + 3L * i;
                String nik = random.nextInt(3) == 0 ? null
                        : "64720346079" + (79990 + random.nextInt(12)) % 100_000; // typos and conflicts among them
                reports.add(Report.id(ids[i]).nik(nik).sex(random.nextInt(5) == 0 ? "L" : random.nextInt(4) == 0 ? null : "P")
                        .build());
            }
            List<ScoredPair> pairs = new ArrayList<>();
            Set<VictimPair> seen = new HashSet<>();
            for (int k = 0; k < 1_500; k++) {
                int x = random.nextInt(n);
                int y = Math.min(n - 1, x + 1 + random.nextInt(8));
                if (x == y || !seen.add(new VictimPair(ids[x], ids[y]))) {
                    continue;
                }
                double probability = 0.3 + 0.7 * random.nextDouble();
                double weight = Math.log(probability / (1 - probability)) / Math.log(2);
                String name = random.nextInt(10) == 0 ? "different" : "equal";
                pairs.add(new ScoredPair(ids[x], ids[y], weight, probability,
                        List.of(new ComparisonWeight(Comparison.NAME.id, name, 1))));
            }
            Map<VictimPair, Decision> decisions = new HashMap<>();
            for (int k = 0; k < 15; k++) {
                ScoredPair pair = pairs.get(random.nextInt(pairs.size()));
                decisions.put(pair.pair(), random.nextBoolean() ? Decision.SAME : Decision.DIFFERENT);
            }

            Clusters reference = new ObjectClustering(reports, decisions).run(pairs, settings);
            Set<Set<Long>> expected = new HashSet<>(reference.clusters());
            Clusters inMemory = linkage.cluster(reports, pairs, decisions);
            assertThat(new HashSet<>(inMemory.clusters())).as("seed " + seed).isEqualTo(expected);
            assertThat(inMemory.clusters()).as("seed " + seed).hasSameSizeAs(reference.clusters());
            assertThat(inMemory.review()).as("seed " + seed).isEqualTo(reference.review());
            assertThat(inMemory.notQueued()).as("seed " + seed).isEqualTo(reference.notQueued());

            CompactClustering compact = new CompactClustering(ids, settings);
            for (int i = 0; i < n; i++) {
                compact.member(i, CompactClustering.nikOf(reports.get(i).nik()), CompactClustering.sexOf(reports.get(i).sex()));
            }
            compact.decisions(decisions);
            pairs.stream().filter(pair -> !decisions.containsKey(pair.pair()))
                    .sorted(Comparator.comparingDouble(ScoredPair::weight).reversed()
                            .thenComparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB))
                    .forEach(pair -> compact.offer(pair.victimA(), pair.victimB(), pair.probability(),
                            BlockScoring.namesDisagree(pair)));
            Map<Integer, Set<Long>> persons = new HashMap<>();
            for (int i = 0; i < n; i++) {
                persons.computeIfAbsent(compact.personOf(i), p -> new HashSet<>()).add(ids[i]);
            }

            assertThat(new HashSet<>(persons.values())).as("seed " + seed).isEqualTo(expected);
            assertThat(expected.size()).as("seed " + seed).isBetween(n / 10, n - 20);
        }
    }
}
