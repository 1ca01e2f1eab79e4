package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model estimated from synthetic records: EM converges to m above u where agreement is evidence. */
class EstimationTests {

    private static SyntheticVictims.Data data;
    private static LinkageModel model;

    @BeforeAll
    static void estimate() {
        data = new SyntheticVictims(11).generate(1_000);
        model = new Linkage(LinkageSettings.defaults()).estimate(data.reports(), 11);
    }

    private static LevelWeights level(String comparison, String level) {
        return model.levels().stream().filter(l -> l.comparison().equals(comparison) && l.level().equals(level))
                .findFirst().orElseThrow();
    }

    @Test
    void findsAgreementMoreLikelyAmongMatchesThanAmongRandomPairs() {
        for (String[] agreement : new String[][] {{"nik", "equal"}, {"name", "equal"}, {"name", "token_dropped"},
                {"birth_date", "equal"}, {"birth_date", "age_consistent"}, {"sex", "equal"}, {"origin", "village_equal"},
                {"birth_place", "equal"}, {"address", "jaccard_70"}}) {
            LevelWeights level = level(agreement[0], agreement[1]);
            assertThat(level.m()).as("m of %s %s", agreement[0], agreement[1]).isGreaterThan(level.u());
            assertThat(level.weight()).isPositive();
        }
        for (String comparison : List.of("nik", "name", "birth_date", "sex", "origin", "birth_place", "address")) {
            LevelWeights different = level(comparison, "different");
            assertThat(different.m()).as("m of %s different", comparison).isLessThan(different.u());
        }
    }

    @Test
    void convergesToSharesThatSumToOne() {
        Map<String, Double> mSums = model.levels().stream()
                .collect(Collectors.groupingBy(LevelWeights::comparison, Collectors.summingDouble(LevelWeights::m)));
        Map<String, Double> uSums = model.levels().stream()
                .collect(Collectors.groupingBy(LevelWeights::comparison, Collectors.summingDouble(LevelWeights::u)));
        mSums.values().forEach(sum -> assertThat(sum).isBetween(0.99, 1.02));
        uSums.values().forEach(sum -> assertThat(sum).isBetween(0.99, 1.01));
        assertThat(model.emIterations()).isLessThanOrEqualTo(LinkageSettings.defaults().emMaxIterations());
    }

    @Test
    void takesThePriorFromTheDeterministicRules() {
        long n = data.reports().size();
        Map<Integer, Long> sizes = data.personOf().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        double truePairs = sizes.values().stream().mapToDouble(k -> k * (k - 1) / 2.0).sum();
        double truePrior = Math.log(truePairs / (n * (n - 1) / 2.0)) / Math.log(2);
        assertThat(model.priorWeight()).isBetween(truePrior - 1.5, truePrior + 1.5);
    }

    @Test
    void isTheSameForTheSameSeed() {
        LinkageModel again = new Linkage(LinkageSettings.defaults()).estimate(data.reports(), 11);
        assertThat(again).isEqualTo(model);
    }

    @Test
    void keepsOnlyCommonTokensForTheTermFrequencies() {
        assertThat(model.commonTokens()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.frequency() * data.reports().size()).isGreaterThanOrEqualTo(19.9));
        assertThat(model.commonTokens()).extracting(TokenFrequency::token).contains("SITI");
        assertThat(model.rareTokenFrequency()).isLessThan(20.0 / data.reports().size());
    }

    @Test
    void weighsAMatchOnACommonNameLessThanOnARareOne() {
        Linkage linkage = new Linkage(LinkageSettings.defaults());
        ScoredPair common = linkage.score(Report.id(1).name("Siti Nur").build(), Report.id(2).name("SITI NUR").build(),
                model);
        ScoredPair rare = linkage.score(Report.id(1).name("Rabiatul Adawiyah Wulansari").build(),
                Report.id(2).name("RABIATUL ADAWIYAH WULANSARI").build(), model);
        ComparisonWeight commonName = common.comparisons().stream().filter(c -> c.comparison().equals("name"))
                .findFirst().orElseThrow();
        ComparisonWeight rareName = rare.comparisons().stream().filter(c -> c.comparison().equals("name"))
                .findFirst().orElseThrow();
        assertThat(commonName.level()).isEqualTo(rareName.level()).isEqualTo("equal");
        assertThat(commonName.termFrequencyAdjustment()).isNegative();
        assertThat(rareName.termFrequencyAdjustment()).isPositive();
        assertThat(rareName.weight()).isGreaterThan(commonName.weight());
        assertThat(rare.probability()).isGreaterThan(common.probability());
    }
}
