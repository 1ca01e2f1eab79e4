package org.gugus.persons.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Settings, blocking keys and scoring of the engine. */
class LinkageTests {

    private final Linkage linkage = new Linkage(LinkageSettings.defaults());

    @Test
    void rejectsAnUnknownBlockingRuleNamingIt() {
        assertThatThrownBy(() -> LinkageSettings.defaults().withBlockingRules(List.of("nik", "soundex")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soundex'")
                .hasMessageContaining("blocking-rules");
    }

    @Test
    void rejectsThresholdsOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> LinkageSettings.defaults().withThresholds(1.5, 0.5))
                .hasMessageContaining("match-probability must be in (0,1]");
        assertThatThrownBy(() -> LinkageSettings.defaults().withThresholds(0.9, 0.95))
                .hasMessageContaining("review-probability");
    }

    @Test
    void givesAnAgeOnlyRecordTheTwoBirthYearsItsAgeAllows() {
        VictimReport report = Report.id(1).name("Sumarni").age(30, "2024-06-01").build();
        assertThat(linkage.blockingKeys(report)).contains("nby:SMRN:1994", "nby:SMRN:1993");
    }

    @Test
    void givesNikKeysOnlyForValidNiks() {
        assertThat(linkage.blockingKeys(Report.id(1).nik("6472034607979990").build()))
                .contains("nik:6472034607979990", "nrb:647203460797");
        assertThat(linkage.blockingKeys(Report.id(1).nik("1111111111111111").build()))
                .noneMatch(key -> key.startsWith("nik:") || key.startsWith("nrb:"));
    }

    @Test
    void capsTheBlocksOfTheWeakRulesByTheirOwnSize() {
        Linkage capped = new Linkage(LinkageSettings.defaults().withMaxBlockSizes(200, 50));
        VictimReport report = Report.id(1).name("Sumarni Lestari").nik("6472034607979990").born("1997-07-06").build();

        Map<String, Integer> keys = capped.cappedBlockingKeys(report);

        assertThat(keys.keySet()).isEqualTo(capped.blockingKeys(report))
                .anyMatch(key -> key.startsWith("nby:")).anyMatch(key -> key.startsWith("bds:"))
                .anyMatch(key -> key.startsWith("name:")).contains("nik:6472034607979990", "nrb:647203460797");
        keys.forEach((key, cap) -> assertThat(cap).as(key)
                .isEqualTo(key.startsWith("nby:") || key.startsWith("bds:") ? 50 : 200));
    }

    @Test
    void hashesANewRecordsKeysFromTheirPiecesAsEachSaltedKeyIsHashedInTheKeysOrderWithTheirCaps() {
        Linkage capped = new Linkage(LinkageSettings.defaults().withMaxBlockSizes(200, 50));
        String salt = "c2FsdCDDqSDwn5iA:";
        List<VictimReport> reports = new ArrayList<>(new SyntheticVictims(11).generate(400).reports());
        reports.add(Report.id(100_001).name("Élodie محمد 😀").nik("6472034607979990").age(30, "2024-06-01").build());
        reports.add(Report.id(100_002).name("Siti \ud800Aminah").born("1897-01-02").build());
        reports.add(Report.id(100_003).name("Nur").build());
        reports.add(Report.id(100_004).build());
        // in pieces (the salt's hash kept, as the store's hashing gives it) and as whole salted keys
        Map<Long, String> pieces = newKeys(capped, Linkage.keyHashAfter(salt), reports);
        Map<Long, String> whole = newKeys(capped, key -> Linkage.keyHash(salt + key), reports);

        assertThat(pieces).hasSize(reports.size()).isEqualTo(whole);
        for (VictimReport report : reports) {
            Map<String, Integer> keys = capped.cappedBlockingKeys(report);
            String expected = Arrays.toString(keys.keySet().stream().mapToLong(key -> Linkage.keyHash(salt + key))
                    .toArray()) + " " + Arrays.toString(keys.values().stream().mapToInt(cap -> cap).toArray());
            assertThat(pieces.get(report.victimId())).as("record %d", report.victimId()).isEqualTo(expected);
        }
    }

    @Test
    void takesRecordsPreparedAheadOnlyWhereEveryFieldIsEqualAndGivesTheKeysAndPairsOfRecordsPreparedAsRead() {
        List<VictimReport> reports = new SyntheticVictims(12).generate(1_500).reports();
        LinkageModel model = linkage.estimate(reports, 12);
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        List<VictimReport> published = new ArrayList<>(reports.subList(0, 700));
        // read ahead without their ids, in another order, one record not among them
        List<VictimReport> read = new ArrayList<>();
        for (int i = published.size() - 1; i >= 0; i--) {
            if (i != 7) {
                VictimReport r = published.get(i);
                read.add(new VictimReport(0, r.officeCode(), r.caseNumber(), r.name(), r.nik(), r.sex(), r.birthDate(),
                        r.age(), r.reportDate(), r.birthPlace(), r.originRegencyCode(), r.originDistrictCode(),
                        r.originVillageCode(), r.address()));
            }
        }
        Linkage.Ahead ahead = linkage.prepareAhead(read, keyHash, () -> false);
        // then two records published otherwise than read: another name, another village
        VictimReport r = published.get(5);
        published.set(5, new VictimReport(r.victimId(), r.officeCode(), r.caseNumber(), r.name() + " Saragih", r.nik(),
                r.sex(), r.birthDate(), r.age(), r.reportDate(), r.birthPlace(), r.originRegencyCode(),
                r.originDistrictCode(), r.originVillageCode(), r.address()));
        VictimReport v = published.get(9);
        published.set(9, new VictimReport(v.victimId(), v.officeCode(), v.caseNumber(), v.name(), v.nik(), v.sex(),
                v.birthDate(), v.age(), v.reportDate(), v.birthPlace(), v.originRegencyCode(), v.originDistrictCode(),
                "6472010099", v.address()));
        List<VictimReport> candidates = reports.subList(700, reports.size());

        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        Linkage.NewRecords taken = linkage.newRecords(keyHash, ahead);
        Linkage.NewRecords otherSalt = linkage.newRecords(Linkage.keyHashAfter("b3RoZXI:"), ahead);
        published.forEach(asRead);
        published.forEach(taken);
        published.forEach(otherSalt);
        Linkage.Against againstAsRead = linkage.against(asRead, model);
        Linkage.Against againstTaken = linkage.against(taken, model);
        linkage.against(otherSalt, model);

        assertThat(taken.takenAhead()).isEqualTo(published.size() - 3);
        assertThat(againstTaken.builtAhead()).as("records prepared by the run: blocks built after").isFalse();
        assertThat(asRead.takenAhead()).isZero();
        assertThat(otherSalt.takenAhead()).as("keys hashed otherwise: nothing taken").isZero();
        assertThat(keysOf(againstTaken)).isEqualTo(keysOf(againstAsRead)).hasSize(published.size());
        candidates.forEach(againstAsRead);
        candidates.forEach(againstTaken);
        List<ScoredPair> pairs = againstAsRead.finish();
        assertThat(pairs).hasSizeGreaterThan(50);
        assertThat(againstTaken.finish()).isEqualTo(pairs);
    }

    @Test
    void scoresInTheBlocksBuiltAheadWhenEveryRecordIsTakenOnceAsInBlocksBuiltAfterInIdOrder() {
        List<VictimReport> reports = new SyntheticVictims(14).generate(1_500).reports();
        LinkageModel model = linkage.estimate(reports, 14);
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        // the records of distinct values among the first 700 (two of the same values take one record prepared ahead)
        Set<VictimReport> seen = new HashSet<>();
        List<VictimReport> published = reports.subList(0, 700).stream().filter(r -> seen.add(values(r))).toList();
        // read ahead without their ids, in another order than the ids': the blocks index them in that order
        List<VictimReport> read = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            read.add(values(published.get(i % 2 == 0 ? i / 2 : published.size() - 1 - i / 2)));
        }
        Linkage.Ahead ahead = linkage.prepareAhead(read, keyHash, () -> false);
        Linkage.Ahead aheadOneMissing = linkage.prepareAhead(read.subList(1, read.size()), keyHash, () -> false);
        assertThat(ahead.blocksBuilt()).isTrue();
        List<VictimReport> candidates = reports.subList(700, reports.size());

        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        Linkage.NewRecords taken = linkage.newRecords(keyHash, ahead);
        Linkage.NewRecords oneMissing = linkage.newRecords(keyHash, aheadOneMissing);
        published.forEach(asRead);
        published.forEach(taken);
        published.forEach(oneMissing);
        Linkage.Against againstAsRead = linkage.against(asRead, model);
        Linkage.Against againstTaken = linkage.against(taken, model);
        Linkage.Against againstOneMissing = linkage.against(oneMissing, model);

        assertThat(published).hasSizeGreaterThan(600);
        assertThat(taken.takenAhead()).isEqualTo(published.size());
        assertThat(againstTaken.builtAhead()).isTrue();
        assertThat(againstOneMissing.builtAhead()).as("a record prepared by the run: blocks built after").isFalse();
        assertThat(keysOf(againstTaken)).as("in id order").isEqualTo(keysOf(againstAsRead)).hasSize(published.size());
        candidates.forEach(againstAsRead);
        candidates.forEach(againstTaken);
        candidates.forEach(againstOneMissing);
        List<ScoredPair> pairs = againstAsRead.finish();
        assertThat(pairs).hasSizeGreaterThan(50);
        assertThat(againstTaken.finish()).isEqualTo(pairs);
        assertThat(againstOneMissing.finish()).isEqualTo(pairs);
    }

    @Test
    void takesEachRecordPreparedAheadAtItsPlaceWithoutLookingAtItsValuesAndScoresAsRecordsPreparedAsRead() {
        List<VictimReport> reports = new SyntheticVictims(16).generate(1_500).reports();
        LinkageModel model = linkage.estimate(reports, 16);
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        List<VictimReport> published = reports.subList(0, 700);
        // read ahead without their ids, in the ids' order (a first load's file): the i-th record's values at place i
        List<VictimReport> read = published.stream().map(LinkageTests::values).toList();
        Linkage.Ahead ahead = linkage.prepareAhead(read, keyHash, () -> false);
        List<VictimReport> candidates = reports.subList(700, reports.size());

        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        Linkage.NewRecords byPlaces = linkage.newRecords(keyHash, ahead);
        published.forEach(asRead);
        for (int place = 0; place < published.size(); place++) {
            byPlaces.acceptAt(published.get(place), place);
        }
        Linkage.Against againstAsRead = linkage.against(asRead, model);
        Linkage.Against againstByPlaces = linkage.against(byPlaces, model);

        assertThat(byPlaces.takenAhead()).isEqualTo(published.size());
        assertThat(byPlaces.takenAtPlaces()).isEqualTo(published.size());
        assertThat(againstByPlaces.builtAhead()).isEqualTo(ahead.size() == published.size());
        assertThat(keysOf(againstByPlaces)).as("in id order").isEqualTo(keysOf(againstAsRead)).hasSize(published.size());
        candidates.forEach(againstAsRead);
        candidates.forEach(againstByPlaces);
        List<ScoredPair> pairs = againstAsRead.finish();
        assertThat(pairs).hasSizeGreaterThan(50);
        assertThat(againstByPlaces.finish()).isEqualTo(pairs);
    }

    @Test
    void takesARecordAtItsPlaceAsTheRowReadThereAndByItsValuesOrPreparedWherePastAStopOrWithoutAPlace() {
        List<VictimReport> reports = new SyntheticVictims(17).generate(300).reports();
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        List<VictimReport> read = reports.stream().map(LinkageTests::values).toList();
        int[] asked = {0};
        Linkage.Ahead ahead = linkage.prepareAhead(read, keyHash, () -> ++asked[0] > 200);
        // the record at place 3 given with other values: the place is believed, its values not looked at
        VictimReport r = reports.get(3);
        VictimReport renamed = new VictimReport(r.victimId(), r.officeCode(), r.caseNumber(), "Yohana Saragih", r.nik(),
                r.sex(), r.birthDate(), r.age(), r.reportDate(), r.birthPlace(), r.originRegencyCode(),
                r.originDistrictCode(), r.originVillageCode(), r.address());

        Linkage.NewRecords byPlaces = linkage.newRecords(keyHash, ahead);
        for (int place = 0; place < reports.size(); place++) {
            VictimReport given = place == 3 ? renamed : reports.get(place);
            if (place == 5 || place == 250) {
                byPlaces.accept(given); // no place: by its values (prepared ahead at 5, past the stop at 250)
            } else {
                byPlaces.acceptAt(given, place);
            }
        }
        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        reports.forEach(asRead);
        Linkage.NewRecords renamedAsRead = linkage.newRecords(keyHash);
        reports.stream().map(report -> report == r ? renamed : report).forEach(renamedAsRead);

        List<String> keys = keysOf(linkage.against(byPlaces, LinkageModel.initial()));

        assertThat(ahead.size()).isEqualTo(200);
        assertThat(byPlaces.takenAhead()).as("the 200 prepared before the stop, one of them by its values").isEqualTo(200);
        assertThat(byPlaces.takenAtPlaces()).isEqualTo(199);
        assertThat(keys).isEqualTo(keysOf(linkage.against(asRead, LinkageModel.initial())))
                .isNotEqualTo(keysOf(linkage.against(renamedAsRead, LinkageModel.initial())));
    }

    @Test
    void scoresTwoNewRecordsInTheBlocksBuiltAheadFromTheLowerIdWhenTheirDecisionHangsOnTheOrder() {
        LinkageModel model = linkage.estimate(new SyntheticVictims(14).generate(1_500).reports(), 14);
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        // names of two tokens each: from the first, each of its tokens finds one at least 0.85 alike in the second
        // (a pair to link); from the second, MUHAMMAD finds none (a pair of different names, not even queued)
        VictimReport first = born(1, "Harssuman Arman");
        VictimReport second = born(2, "Muhammad Arman");
        assertThat(linkage.score(first, second, model).probability()).isGreaterThan(0.95);
        assertThat(linkage.score(born(1, second.name()), born(2, first.name()), model).probability()).isLessThan(0.5);
        // read ahead in the other order: the blocks index the second record first
        Linkage.Ahead ahead = linkage.prepareAhead(List.of(values(second), values(first)), keyHash, () -> false);

        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        Linkage.NewRecords taken = linkage.newRecords(keyHash, ahead);
        List.of(first, second).forEach(asRead);
        List.of(first, second).forEach(taken);
        Linkage.Against againstAsRead = linkage.against(asRead, model);
        Linkage.Against againstTaken = linkage.against(taken, model);

        assertThat(againstTaken.builtAhead()).isTrue();
        List<ScoredPair> pairs = againstAsRead.finish();
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).probability()).isGreaterThan(0.95);
        assertThat(againstTaken.finish()).isEqualTo(pairs);
    }

    @Test
    void scoresANewRecordAgainstAStoredOneOfALowerIdFromTheStoredOneAsARunOverEveryRecordDoes() {
        LinkageModel model = linkage.estimate(new SyntheticVictims(14).generate(1_500).reports(), 14);
        // linked from the first (the stored record, the lower id), not even queued from the second
        VictimReport stored = born(1, "Harssuman Arman");
        VictimReport added = born(2, "Muhammad Arman");
        ScoredPair overEveryRecord = linkage.score(stored, added, model);
        assertThat(overEveryRecord.probability()).isGreaterThan(0.95);
        assertThat(linkage.score(born(1, added.name()), born(2, stored.name()), model).probability()).isLessThan(0.5);

        Linkage.Against against = linkage.against(List.of(added), model);
        against.accept(stored);

        assertThat(against.finish()).containsExactly(overEveryRecord);
    }

    /** A record born on 4 March 1995, a woman of Samarinda without NIK, reported by an office of its own. */
    private static VictimReport born(long id, String name) {
        return new VictimReport(id, "64.7" + id, "TPPO/" + id, name, null, "P", LocalDate.of(1995, 3, 4), null,
                LocalDate.of(2024, 6, 5), null, "64.72", null, null, null);
    }

    @Test
    void buildsNoBlocksAheadWhenToldToStopWhileBuildingThem() {
        List<VictimReport> reports = new SyntheticVictims(15).generate(5_000).reports();
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        int[] asked = {0};
        // asked once per record while they are prepared, then every 4,096 records while their blocks are built
        Linkage.Ahead ahead = linkage.prepareAhead(reports, keyHash, () -> ++asked[0] > reports.size());

        assertThat(ahead.size()).isGreaterThan(4_096);
        assertThat(ahead.blocksBuilt()).isFalse();
    }

    @Test
    void keepsTheRecordsPreparedAheadUntilToldToStopAndPreparesTheOthersAsRead() {
        List<VictimReport> reports = new SyntheticVictims(13).generate(300).reports();
        ToLongFunction<String> keyHash = Linkage.keyHashAfter("c2FsdA:");
        int[] asked = {0};
        Linkage.Ahead ahead = linkage.prepareAhead(reports, keyHash, () -> ++asked[0] > 100);

        Linkage.NewRecords taken = linkage.newRecords(keyHash, ahead);
        Linkage.NewRecords asRead = linkage.newRecords(keyHash);
        reports.forEach(taken);
        reports.forEach(asRead);
        List<String> keys = keysOf(linkage.against(taken, LinkageModel.initial()));

        assertThat(ahead.size()).isEqualTo(100);
        assertThat(taken.takenAhead()).isEqualTo(100);
        assertThat(keys).isEqualTo(keysOf(linkage.against(asRead, LinkageModel.initial())));
    }

    /** A report's values without its id, as records prepared ahead are read. */
    private static VictimReport values(VictimReport r) {
        return new VictimReport(0, r.officeCode(), r.caseNumber(), r.name(), r.nik(), r.sex(), r.birthDate(), r.age(),
                r.reportDate(), r.birthPlace(), r.originRegencyCode(), r.originDistrictCode(), r.originVillageCode(),
                r.address());
    }

    /** Each new record's id, key hashes and caps, in the order the run writes them. */
    private static List<String> keysOf(Linkage.Against against) {
        List<String> keys = new ArrayList<>();
        against.forEachNewRecord((victim, hashes, caps) -> keys.add(victim + " " + Arrays.toString(hashes) + " "
                + Arrays.toString(caps)));
        return keys;
    }

    /** Each new record's key hashes and caps (as text), as an incremental run gives them to its caller. */
    private static Map<Long, String> newKeys(Linkage linkage, ToLongFunction<String> keyHash,
            List<VictimReport> reports) {
        Linkage.NewRecords records = linkage.newRecords(keyHash);
        reports.forEach(records);
        Map<Long, String> keys = new HashMap<>();
        linkage.against(records, LinkageModel.initial()).forEachNewRecord((victim, hashes, caps) -> keys.put(victim,
                Arrays.toString(hashes) + " " + Arrays.toString(caps)));
        return keys;
    }

    @Test
    void pairsRecordsOfAWeakBlockOnlyUpToTheWeakCapAndOfAStrongBlockUpToTheOtherCap() {
        // three women born on one day whose names share nothing: one birth-date-sex block (weak) of three
        List<Prepared> born = List.of(
                new Prepared(Report.id(1).name("Yuliana Ibau").born("1999-02-14").build()),
                new Prepared(Report.id(2).name("Ernawati Belawan").born("1999-02-14").build()),
                new Prepared(Report.id(3).name("Kurniasih Tambunan").born("1999-02-14").build()));
        // three records of one name without birth date nor age: one name block (not weak) of three
        List<Prepared> named = List.of(4L, 5L, 6L).stream()
                .map(id -> new Prepared(Report.id(id).name("Rina Kartika").build())).toList();
        List<BlockingRule> rules = List.of(BlockingRule.values());

        assertThat(pairs(born, rules, LinkageSettings.defaults().withMaxBlockSizes(200, 3))).isEqualTo(3);
        assertThat(pairs(born, rules, LinkageSettings.defaults().withMaxBlockSizes(200, 2))).isZero();
        assertThat(pairs(named, rules, LinkageSettings.defaults().withMaxBlockSizes(3, 2))).isEqualTo(3);
        assertThat(pairs(named, rules, LinkageSettings.defaults().withMaxBlockSizes(2, 3))).isZero();
    }

    private static int pairs(List<Prepared> records, List<BlockingRule> rules, LinkageSettings settings) {
        AtomicInteger pairs = new AtomicInteger();
        new Candidates(records, rules, settings).forEachPair((i, j) -> pairs.incrementAndGet());
        return pairs.get();
    }

    @Test
    void findsTheSamePersonSpeltDifferentlyAcrossReports() {
        List<VictimReport> reports = List.of(
                Report.id(1).name("Siti Rabiatul Adawiyah binti Djamaluddin").born("1994-09-20")
                        .nik("6407146009948250").origin("64.07", "64.07.14", null).build(),
                Report.id(2).name("ST. RABIATUL ADAWIYAH").age(29, "2024-03-01").origin("64.07", null, null).build(),
                Report.id(3).name("Siti Rabiatul Adawiyah").born("1994-09-20").sex("L").build());
        // the initial model's weights, with the prior of a few thousand records
        LinkageModel model = new LinkageModel(-10, LinkageModel.initial().levels());
        List<ScoredPair> pairs = linkage.score(reports, model);
        Clusters clusters = linkage.cluster(reports, pairs, Map.of());
        assertThat(pairs).extracting(ScoredPair::pair).contains(new VictimPair(1, 2));
        assertThat(clusters.clusters()).anySatisfy(c -> assertThat(c).contains(1L, 2L).doesNotContain(3L));
    }

    @Test
    void scoresNewRecordsOnlyAgainstTheirCandidates() {
        VictimReport existingA = Report.id(1).name("Sumarni").born("1990-01-01").build();
        VictimReport existingB = Report.id(2).name("Sumarni").born("1990-01-01").build();
        VictimReport fresh = Report.id(3).name("SUMARNI").born("1990-01-01").build();
        List<ScoredPair> pairs = linkage.scoreAgainst(List.of(fresh), List.of(existingA, existingB),
                LinkageModel.initial());
        assertThat(pairs).extracting(ScoredPair::pair).containsExactly(new VictimPair(1, 3), new VictimPair(2, 3));
    }

    @Test
    void scoresNewRecordsAgainstCandidatesGivenChunkByChunkAsARunOverEveryRecordWould() {
        // about 2,800 records: the candidates arrive in more than one chunk of the incremental scoring
        List<VictimReport> reports = new SyntheticVictims(6).generate(1_500).reports();
        LinkageModel model = linkage.estimate(reports, 6);
        List<VictimReport> fresh = reports.subList(0, 150);
        Set<Long> freshIds = fresh.stream().map(VictimReport::victimId).collect(Collectors.toSet());

        Linkage.Against against = linkage.against(fresh, model);
        reports.forEach(against);
        List<ScoredPair> incremental = against.finish();

        List<ScoredPair> everyRecord = linkage.score(reports, model).stream()
                .filter(pair -> freshIds.contains(pair.victimA()) || freshIds.contains(pair.victimB())).toList();
        assertThat(reports).hasSizeGreaterThan(2048);
        assertThat(incremental).isNotEmpty().isEqualTo(everyRecord);
    }

    @Test
    void neitherLinksNorQueuesPairsOfValidNiksMoreThanATypoApart() {
        VictimReport a = Report.id(1).name("Siti Aminah").born("1997-07-06").sex("P").nik("6472034607970001").build();
        VictimReport b = Report.id(2).name("Siti Aminah").born("1997-07-06").sex("P").nik("6472034607970034").build();
        VictimReport typo = Report.id(3).name("Siti Aminah").born("1997-07-06").sex("P").nik("6472034607970010").build();
        LinkageModel model = new LinkageModel(-10, LinkageModel.initial().levels());
        assertThat(linkage.score(List.of(a, b, typo), model)).extracting(ScoredPair::pair)
                .containsExactly(new VictimPair(1, 3));
        assertThat(linkage.scoreAgainst(List.of(b), List.of(a), model)).isEmpty();
    }

    @Test
    void linksNobodyAmongNumberedPlaceholdersOfOneRegionAndBirthDate() {
        List<VictimReport> reports = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            reports.add(Report.id(i).name((i % 2 == 0 ? "Korban " : "Anak ") + i).born("2012-05-04").sex("P")
                    .origin("64.72", "64.72.03", null).nik("647203440512" + String.format("%04d", i)).build());
        }
        LinkageModel model = linkage.estimate(reports, 1);
        List<ScoredPair> pairs = linkage.score(reports, model);
        Clusters clusters = linkage.cluster(reports, pairs, Map.of());
        assertThat(clusters.clusters()).hasSize(500);
        assertThat(clusters.review()).isEmpty();
        assertThat(linkage.blockingKeys(reports.get(0))).noneMatch(key -> key.startsWith("nby:") || key.startsWith("name:"));
    }

    @Test
    void explainsEveryComparisonOfAPair() {
        ScoredPair pair = linkage.score(Report.id(1).build(), Report.id(2).build(), LinkageModel.initial());
        assertThat(pair.comparisons()).extracting(ComparisonWeight::comparison)
                .containsExactly("nik", "name", "birth_date", "sex", "origin", "birth_place", "address");
        double sum = LinkageModel.initial().priorWeight()
                + pair.comparisons().stream().mapToDouble(ComparisonWeight::weight).sum();
        assertThat(pair.weight()).isCloseTo(sum, Offset.offset(1e-9));
    }

    @Test
    void stopsScoringAPairOnlyWhenItCannotReachTheThreshold() {
        SyntheticVictims.Data data = new SyntheticVictims(7).generate(400);
        LinkageModel model = linkage.estimate(data.reports(), 7);
        Scorer scorer = new Scorer(model);
        List<Prepared> records = data.reports().stream().map(Prepared::new).toList();
        int reached = 0;
        for (double threshold : new double[] {0.01, 0.5, 0.9, 0.999}) {
            for (int i = 0; i < records.size(); i++) {
                for (int j = i + 1; j < records.size(); j += 7) {
                    Prepared a = records.get(i);
                    Prepared b = records.get(j);
                    boolean reaches = scorer.probability(a, b) >= threshold;
                    assertThat(scorer.reaches(a, b, threshold)).as("pair %d/%d at %s", a.id, b.id, threshold)
                            .isEqualTo(reaches);
                    reached += reaches ? 1 : 0;
                }
            }
        }
        assertThat(reached).isPositive();
    }

    @Test
    void preparesRecordsAsTheyArriveAsIfPreparedAllAtOnce() {
        SyntheticVictims.Data data = new SyntheticVictims(8).generate(7_000); // more than two chunks of 4,096
        Linkage.Preparing preparing = linkage.preparing();
        data.reports().forEach(preparing);
        PreparedReports streamed = preparing.finish();
        PreparedReports batch = linkage.prepare(data.reports());

        assertThat(streamed.records().stream().map(r -> r.id).toList())
                .isEqualTo(data.reports().stream().map(VictimReport::victimId).toList());
        LinkageModel model = linkage.estimate(batch, 8);
        assertThat(linkage.estimate(streamed, 8)).isEqualTo(model);
        assertThat(linkage.score(streamed, model)).isEqualTo(linkage.score(batch, model));
    }
}
