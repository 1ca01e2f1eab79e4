package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pairwise precision, recall and F1 of the whole engine (estimate, score, cluster) on labelled
 * synthetic records of about 1,000 persons, on several seeds. The figures are in docs/unique-victims.md.
 */
class LinkageQualityTests {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsThePersonsOfSyntheticReportsWithF1AboveNinetySevenPercent(long seed) {
        SyntheticVictims.Data data = new SyntheticVictims(seed).generate(1_000);
        Linkage linkage = new Linkage(LinkageSettings.defaults());

        LinkageModel model = linkage.estimate(data.reports(), seed);
        List<ScoredPair> pairs = linkage.score(data.reports(), model);
        Clusters clusters = linkage.cluster(data.reports(), pairs, Map.of());

        PairwiseQuality quality = PairwiseQuality.of(clusters.clusters(), data.personOf());
        System.out.printf("seed %d: %d records, %d true pairs, %d found, precision %.4f, recall %.4f, F1 %.4f, "
                + "%d persons found, %d pairs to review%n", seed, data.reports().size(), quality.truePairs(),
                quality.foundPairs(), quality.precision(), quality.recall(), quality.f1(), clusters.clusters().size(),
                clusters.review().size());
        assertThat(quality.f1()).isGreaterThanOrEqualTo(0.97);
    }
}
