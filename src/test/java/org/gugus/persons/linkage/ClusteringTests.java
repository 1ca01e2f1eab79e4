package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clustering: decisions first, then links by weight, never across a hard conflict. */
class ClusteringTests {

    private final Linkage linkage = new Linkage(LinkageSettings.defaults());

    private static ScoredPair pair(long a, long b, double probability) {
        double weight = Math.log(probability / (1 - probability)) / Math.log(2);
        return new ScoredPair(a, b, weight, probability, List.of(new ComparisonWeight("name", "equal", 10)));
    }

    @Test
    void linksPairsAboveTheMatchProbabilityAndQueuesThoseBetweenTheThresholds() {
        List<VictimReport> reports = List.of(Report.id(1).build(), Report.id(2).build(), Report.id(3).build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.99), pair(2, 3, 0.7)), Map.of());
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(1L, 2L), Set.of(3L));
        assertThat(clusters.review()).extracting(ScoredPair::pair).containsExactly(new VictimPair(2, 3));
    }

    @Test
    void neverJoinsTwoValidNiksOfOtherBirthPartsEvenThroughAThirdRecord() {
        List<VictimReport> reports = List.of(Report.id(1).nik("6472034607979990").build(), Report.id(2).build(),
                Report.id(3).nik("6472035509001234").build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.999), pair(2, 3, 0.99)), Map.of());
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(1L, 2L), Set.of(3L));
        assertThat(clusters.review()).extracting(ScoredPair::pair).containsExactly(new VictimPair(2, 3));
    }

    @Test
    void takesANikOneDigitOffForATypingErrorNotAConflict() {
        List<VictimReport> reports = List.of(Report.id(1).nik("6472034607979990").build(),
                Report.id(2).nik("6472034067979990").build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.99)), Map.of());
        assertThat(clusters.clusters()).containsExactly(Set.of(1L, 2L));
    }

    @Test
    void neverJoinsTwoValidNiksOfOneRegionAndBirthDateWhoseSequenceNumbersDifferByMoreThanATypo() {
        List<VictimReport> reports = List.of(Report.id(1).nik("6472034607970001").build(), Report.id(2).build(),
                Report.id(3).nik("6472034607970012").build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.999), pair(2, 3, 0.99)), Map.of());
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(1L, 2L), Set.of(3L));
    }

    @Test
    void takesOneDigitWrongOrTwoNeighboursSwappedAnywhereInANikForATypingError() {
        String nik = "6472034607979990";
        for (String typo : new String[] {"6472034607979991", "6472034607979909", "7472034607979990", "6472034607979980"}) {
            List<VictimReport> reports = List.of(Report.id(1).nik(nik).build(), Report.id(2).nik(typo).build());
            assertThat(linkage.cluster(reports, List.of(pair(1, 2, 0.99)), Map.of()).clusters()).as(typo)
                    .containsExactly(Set.of(1L, 2L));
        }
    }

    @Test
    void queuesAtMostMaxReviewPairsTheMostProbableFirst() {
        Linkage capped = new Linkage(LinkageSettings.defaults().withMaxReviewPairs(2));
        List<VictimReport> reports = List.of(Report.id(1).build(), Report.id(2).build(), Report.id(3).build(),
                Report.id(4).build());
        Clusters clusters = capped.cluster(reports, List.of(pair(1, 2, 0.6), pair(2, 3, 0.9), pair(3, 4, 0.7),
                pair(1, 4, 0.55)), Map.of());
        assertThat(clusters.review()).extracting(ScoredPair::pair).containsExactly(new VictimPair(2, 3),
                new VictimPair(3, 4));
        assertThat(clusters.notQueued()).isEqualTo(2);
    }

    @Test
    void neverJoinsBothSexes() {
        List<VictimReport> reports = List.of(Report.id(1).sex("P").build(), Report.id(2).sex(null).build(),
                Report.id(3).sex("L").build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.99), pair(2, 3, 0.999)), Map.of());
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(2L, 3L), Set.of(1L));
    }

    @Test
    void neverLinksByTheModelNamesThatHaveNothingInCommon() {
        List<VictimReport> reports = List.of(Report.id(1).build(), Report.id(2).build());
        ScoredPair twins = new ScoredPair(1, 2, 20, 0.999999, List.of(new ComparisonWeight("name", "different", -7)));
        Clusters clusters = linkage.cluster(reports, List.of(twins), Map.of());
        assertThat(clusters.clusters()).hasSize(2);
        assertThat(clusters.review()).containsExactly(twins);
    }

    @Test
    void aSameDecisionLinksWhatTheModelWouldNot() {
        List<VictimReport> reports = List.of(Report.id(1).build(), Report.id(2).build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.6)),
                Map.of(new VictimPair(1, 2), Decision.SAME));
        assertThat(clusters.clusters()).containsExactly(Set.of(1L, 2L));
        assertThat(clusters.review()).isEmpty();
    }

    @Test
    void aDifferentDecisionKeepsTwoRecordsApartEvenThroughOthers() {
        List<VictimReport> reports = List.of(Report.id(1).build(), Report.id(2).build(), Report.id(3).build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.999), pair(2, 3, 0.99), pair(1, 3, 0.99)),
                Map.of(new VictimPair(1, 3), Decision.DIFFERENT));
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(1L, 2L), Set.of(3L));
        assertThat(clusters.review()).extracting(ScoredPair::pair).containsExactly(new VictimPair(2, 3));
    }

    @Test
    void joinsTheHeaviestPairsFirst() {
        List<VictimReport> reports = List.of(Report.id(1).sex("P").build(), Report.id(2).sex(null).build(),
                Report.id(3).sex("L").build());
        Clusters clusters = linkage.cluster(reports, List.of(pair(1, 2, 0.96), pair(2, 3, 0.9999)), Map.of());
        assertThat(clusters.clusters()).containsExactlyInAnyOrder(Set.of(2L, 3L), Set.of(1L));
    }
}
