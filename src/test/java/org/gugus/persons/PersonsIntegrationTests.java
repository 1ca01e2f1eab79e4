package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.persons.PersonFiles.victim;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.intake.FileOutcome;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persons resolved as files are loaded (with the initial model: no run over every record here), the
 * review queue, decisions by command and API, stable ids. Each test has victims of its own names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@ExtendWith(OutputCaptureExtension.class)
class PersonsIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @Autowired
    Environment environment;

    @Autowired
    PersonStore store;

    @Autowired
    PersonResolution resolution;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    PersonFiles files;

    @BeforeEach
    void files() {
        files = new PersonFiles(reception, folder);
    }

    @Test
    void aMergeFindsThePersonsMergedIntoTheAbsorbedOneByAnIndex() {
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain update persons.person set merged_into = 1 where merged_into = 2")
                    .query(String.class).list());
        });

        assertThat(plan).contains("person_merged_into").doesNotContain("Seq Scan");
    }

    @Test
    void aVictimReportedByThreeOfficesWithSpellingVariantsIsOnePerson() {
        FileOutcome samarinda = files.load("64.72", List.of(
                victim("TPPO/SMD/0101", "Siti Rahmawati", "6472015203980001", "P", "12/03/1998", "", "Samarinda"),
                victim("TPPO/SMD/0102", "Yohanes Pasaribu", "6472010507950002", "L", "05/07/1995", "", "Samarinda")));
        FileOutcome balikpapan = files.load("64.71", List.of(
                victim("TPPO/BPN/0201", "St. Rahmawati", "", "P", "12/03/1998", "", "Samarinda")));
        FileOutcome kukar = files.load("64.02", List.of(
                victim("TPPO/KKR/0301", "SITI RAHMAWATIE", "6472015203980001", "P", "", "26", "Kota Samarinda")));

        long person = personOf(samarinda, "TPPO/SMD/0101");
        assertThat(personOf(balikpapan, "TPPO/BPN/0201")).isEqualTo(person);
        assertThat(personOf(kukar, "TPPO/KKR/0301")).isEqualTo(person);
        assertThat(personOf(samarinda, "TPPO/SMD/0102")).isNotEqualTo(person);
        Map<String, Object> counted = jdbc.sql("""
                select reports, array_to_string(offices, ',') as offices from persons.unique_victim where person_id = ?
                """).param(person).query().singleRow();
        assertThat(counted).containsEntry("reports", 3L).containsEntry("offices", "64.02,64.71,64.72");
        assertThat(jdbc.sql("""
                select count(*) from persons.unique_victim u
                 where u.person_id in (select person_id from persons.victim_person vp
                                         join warehouse.victim v on v.id = vp.victim_id
                                        where v.source_file_id in (?, ?, ?))
                """).params(samarinda.fileId(), balikpapan.fileId(), kukar.fileId()).query(Long.class).single())
                .as("unique victims of the four reports").isEqualTo(2);
    }

    @Test
    void aFileOfNumberedPlaceholderNamesOfOneVillageAndBirthDayLinksNobodyAndQueuesNoPair() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add(victim("TPPO/ANAK/" + i, (i % 3 == 0 ? "Anak " : "Korban ") + i,
                    "647203440512" + "%04d".formatted(i), "P", i % 10 == 0 ? "05/04/2012" : "04/05/2012", "",
                    "Samarinda"));
        }
        FileOutcome placeholders = files.load("64.72", rows);

        assertThat(jdbc.sql("""
                select count(distinct vp.person_id) from persons.victim_person vp
                  join warehouse.victim v on v.id = vp.victim_id where v.source_file_id = ?
                """).param(placeholders.fileId()).query(Long.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("""
                select count(*) from persons.person_link l join warehouse.victim v on v.id in (l.victim_a, l.victim_b)
                 where v.source_file_id = ?
                """).param(placeholders.fileId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from persons.candidate_pair p join warehouse.victim v on v.id in (p.victim_a, p.victim_b)
                 where v.source_file_id = ?
                """).param(placeholders.fileId()).query(Long.class).single()).isZero();
    }

    @Test
    void pairsBetweenTheThresholdsAreQueuedAndListedWithTheirWeightsButNoNameOrNik(CapturedOutput output) {
        List<Long> victims = queuedPair("64.03", "Ratna Juwita", "64.08", "Ratna Djuwitha Sari", "17/09/2002",
                "6403015709020003");

        Command listed = run("persons", "pairs", "--json");
        Command text = run("persons", "pairs");

        Map<?, ?> pair = pairOf(listed.out, victims);
        assertThat(pair.get("status")).isEqualTo("OPEN");
        assertThat(pair.get("office_a")).isEqualTo("64.03");
        assertThat(((Number) pair.get("probability")).doubleValue()).isBetween(0.5, 0.95);
        assertThat(((List<?>) pair.get("comparisons")).stream().map(c -> String.valueOf(((Map<?, ?>) c).get("comparison"))))
                .contains("nik", "name", "birth_date", "sex");
        assertThat(text.out).contains("#" + pair.get("id") + " OPEN", "birth_date=equal");
        assertThat(listed.out + text.out + text.err + output.getAll())
                .doesNotContainIgnoringCase("Ratna").doesNotContainIgnoringCase("Juwita")
                .doesNotContainIgnoringCase("Djuwitha").doesNotContain("6403015709020003");
    }

    @Test
    void aSameDecisionByCommandJoinsThePairKeepingTheOlderIdAndADifferentOneSplitsIt() {
        List<Long> victims = queuedPair("64.01", "Ratna Juwita", "64.11", "Ratna Djuwitha Sari", "02/02/1999",
                "6405014202990004");
        long pairId = pairId(victims);
        long older = personOfVictim(victims.get(0));
        long younger = personOfVictim(victims.get(1));
        assertThat(older).isLessThan(younger);

        Command same = run("persons", "decide", String.valueOf(pairId), "same", "--by", "dina", "--note", "KK sama");

        assertThat(same.status).as(same.err).isZero();
        assertThat(same.out).contains("orang yang sama", "the same person");
        assertThat(personOfVictim(victims.get(0))).isEqualTo(older);
        assertThat(personOfVictim(victims.get(1))).isEqualTo(older);
        assertThat(jdbc.sql("select merged_into from persons.person where id = ?").param(younger).query(Long.class).single())
                .isEqualTo(older);
        assertThat(events("MERGED", older)).containsExactly(younger);
        assertThat(jdbc.sql("select status from persons.candidate_pair where id = ?").param(pairId).query(String.class)
                .single()).isEqualTo("DECIDED");

        Command different = run("persons", "decide", String.valueOf(pairId), "different", "--by", "dina");

        assertThat(different.status).as(different.err).isZero();
        assertThat(personOfVictim(victims.get(0))).isEqualTo(older);
        long split = personOfVictim(victims.get(1));
        assertThat(split).isNotEqualTo(older).isNotEqualTo(younger);
        assertThat(events("SPLIT", older)).containsExactly(split);
        assertThat(jdbc.sql("select decision from persons.pair_decision where victim_a = ? and victim_b = ? order by id")
                .params(victims.get(0), victims.get(1)).query(String.class).list()).containsExactly("SAME", "DIFFERENT");
        assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'PERSONS_DECIDE' and ? = any(row_ids)")
                .param(victims.get(0)).query(Long.class).single()).isEqualTo(2);

        FileOutcome later = files.load("64.11", List.of(
                victim("TPPO/0002", "Ratna Djuwitha Sari", "", "P", "02/02/1999", "", "Samarinda"),
                victim("TPPO/0003", "Ratna Djuwitha Sari", "", "P", "02/02/1999", "", "Samarinda")));
        assertThat(personOfVictim(victims.get(1))).as("the decision wins in a later run").isEqualTo(split);
        assertThat(personOf(later, "TPPO/0003")).as("a new report finds the records decided about by their block keys")
                .isEqualTo(split);
    }

    @Test
    void aRedeliveryKeepsThePersonIds() {
        List<List<String>> rows = new ArrayList<>(List.of(
                victim("TPPO/0010", "Agustina Manurung", "6471016408000005", "P", "24/08/2000", "", "Balikpapan"),
                victim("TPPO/0011", "Bambang Sutrisno", "6471011101970006", "L", "11/01/1997", "", "Balikpapan")));
        FileOutcome first = files.load("64.07", rows);
        FileOutcome elsewhere = files.load("64.74", List.of(
                victim("TPPO/0020", "AGUSTINA MANURUNG", "6471016408000005", "P", "", "23", "Balikpapan")));
        long agustina = personOf(first, "TPPO/0010");
        long bambang = personOf(first, "TPPO/0011");
        assertThat(personOf(elsewhere, "TPPO/0020")).isEqualTo(agustina);

        rows.get(0).set(14, "dipulangkan ke Balikpapan");
        rows.get(1).set(14, "dalam pendampingan");
        FileOutcome again = files.load("64.07", rows);

        assertThat(again.updated()).isEqualTo(2);
        assertThat(personOf(first, "TPPO/0010")).isEqualTo(agustina);
        assertThat(personOf(first, "TPPO/0011")).isEqualTo(bambang);
        assertThat(personOf(elsewhere, "TPPO/0020")).isEqualTo(agustina);
        assertThat(jdbc.sql("""
                select bool_and(p.victim_version = v.version and v.version = 2) from persons.victim_person p
                  join warehouse.victim v on v.id = p.victim_id where v.office_code = '64.07'
                """).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRecordRedeliveredWithOnlyFieldsLinkageDoesNotReadChangedKeepsItsLinkWithoutBeingComparedAgain() {
        List<List<String>> rows = new ArrayList<>(List.of(
                victim("TPPO/KEEP/1", "Yohana Lerebulan", "6472015507010003", "P", "15/07/2001", "", "Balikpapan")));
        FileOutcome first = files.load("64.01", rows);
        FileOutcome elsewhere = files.load("64.03", List.of(
                victim("TPPO/KEEP/2", "YOHANA LEREBULAN", "6472015507010003", "P", "", "22", "Balikpapan")));
        long yohana = victimId(first, "TPPO/KEEP/1");
        long again = victimId(elsewhere, "TPPO/KEEP/2");
        assertThat(personOfVictim(again)).isEqualTo(personOfVictim(yohana));
        long linkedBy = linkRun(yohana, again);

        rows.get(0).set(14, "dipulangkan ke Balikpapan");
        assertThat(files.load("64.01", rows).updated()).isEqualTo(1);

        assertThat(linkRun(yohana, again)).as("the link is not written again").isEqualTo(linkedBy);
        assertThat(personOfVictim(yohana)).isEqualTo(personOfVictim(again));
        assertThat(resolvedVersion(yohana)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from persons.pending_victim").query(Long.class).single()).isZero();

        // the age is compared: the record is resolved again, its link written by the latest run
        rows.get(0).set(7, "22");
        assertThat(files.load("64.01", rows).updated()).isEqualTo(1);

        long latest = jdbc.sql("select max(id) from persons.resolution_run").query(Long.class).single();
        assertThat(linkRun(yohana, again)).isEqualTo(latest).isGreaterThan(linkedBy);
        assertThat(personOfVictim(yohana)).isEqualTo(personOfVictim(again));
        assertThat(resolvedVersion(yohana)).isEqualTo(3);
    }

    private long linkRun(long one, long other) {
        return jdbc.sql("select run_id from persons.person_link where victim_a = ? and victim_b = ?")
                .params(Math.min(one, other), Math.max(one, other)).query(Long.class).single();
    }

    private int resolvedVersion(long victim) {
        return jdbc.sql("""
                select p.victim_version from persons.victim_person p join warehouse.victim v on v.id = p.victim_id
                 where v.id = ? and v.version = p.victim_version
                """).param(victim).query(Integer.class).single();
    }

    @Test
    void aReviewerSeesThePairSideBySideWithNamesAuditedAndDecidesItByTheApi() throws Exception {
        List<Long> victims = queuedPair("64.09", "Yuliana Pratiwi", "64.09", "Yulyana Pratiwie Ningsih", "30/11/2003",
                "6409017011030007");
        long pairId = pairId(victims);
        String reviewer = TestLogins.basic(accounts, "rina", Role.REVIEWER, null);
        String office = TestLogins.basic(accounts, "berau", Role.OFFICE, "64.09");
        String otherOffice = TestLogins.basic(accounts, "paser", Role.OFFICE, "64.01");

        HttpResponse<String> seen = get("/api/persons/pairs/" + pairId, reviewer);
        HttpResponse<String> seenByOffice = get("/api/persons/pairs/" + pairId, office);

        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(seen.body()).contains("Yuliana Pratiwi", "6409017011030007", "\"personal_data\":true", "\"weight\"");
        assertThat(seenByOffice.statusCode()).isEqualTo(200);
        assertThat(seenByOffice.body()).doesNotContain("Yuliana", "6409017011030007").contains("\"personal_data\":false");
        assertThat(get("/api/persons/pairs/" + pairId, otherOffice).statusCode()).isEqualTo(404);
        assertThat(get("/api/persons/pairs?status=OPEN", otherOffice).body()).doesNotContain("\"id\":" + pairId + ",");
        assertThat(get("/api/persons/pairs?status=OPEN", office).body()).contains("\"id\":" + pairId + ",");
        assertThat(jdbc.sql("select count(*) from access.audit_event where username = 'rina' and action = 'READ'"
                + " and target like 'GET /api/persons/pairs/%' and ? = any(row_ids)").param(victims.get(1))
                .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> decided = post("/api/persons/pairs/" + pairId + "/decision",
                "{\"decision\": \"same\", \"note\": \"foto KTP sama\", \"decided_by\": \"someone else\"}", reviewer);

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(personOfVictim(victims.get(0))).isEqualTo(personOfVictim(victims.get(1)));
        assertThat(jdbc.sql("select decided_by || ':' || note from persons.pair_decision where victim_a = ?")
                .param(victims.get(0)).query(String.class).single()).isEqualTo("rina:foto KTP sama");
        assertThat(post("/api/persons/pairs/" + pairId + "/decision", "{\"decision\": \"perhaps\"}", reviewer).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theCandidatesOfRecordsAreTheRecordsSharingASmallEnoughBlockWithThemFoundAlikeForFewManyAndASmallStore() {
        FileOutcome file = files.load("64.08", List.of(
                victim("TPPO/CAND/1", "Wulan Anggraini", "", "P", "03/04/2001", "", "Samarinda"),
                victim("TPPO/CAND/2", "Kartika Dewanti", "", "P", "03/04/2001", "", "Samarinda"),
                victim("TPPO/CAND/3", "Bambang Hartono", "", "L", "17/09/1980", "", "Samarinda")));
        long wulan = victimId(file, "TPPO/CAND/1");
        long kartika = victimId(file, "TPPO/CAND/2");
        long bambang = victimId(file, "TPPO/CAND/3");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Map<Long, Integer> keysUpTo200 = keysOf(wulan, 200);
        Map<Long, Integer> keysUpTo1 = keysOf(wulan, 1);

        Set<Long> few = transaction.execute(status -> store.candidatesByArray(keysUpTo200, Map.of(), List.of(wulan)));
        Set<Long> many = transaction.execute(status -> store.candidatesThroughTable(keysUpTo200, Map.of(), List.of(wulan)));
        Set<Long> smallBlocksOnly = transaction.execute(status -> store.candidatesThroughTable(keysUpTo1, Map.of(), List.of(wulan)));

        assertThat(few).as("same birth date and sex").contains(wulan, kartika).doesNotContain(bambang);
        assertThat(many).isEqualTo(few);
        assertThat(smallBlocksOnly).as("the birth date's block holds two records, more than 1").containsExactly(wulan);
        Set<Long> smallBlocksByArray = transaction.execute(status -> store.candidatesByArray(keysUpTo1, Map.of(), List.of(wulan)));
        assertThat(smallBlocksByArray).isEqualTo(smallBlocksOnly);
        // a store read whole (a first load searches by more keys than the store holds) finds the same
        Set<Long> readWhole1 = transaction.execute(status -> store.candidatesReadingEveryKey(keysUpTo200, Map.of(), List.of(wulan)));
        assertThat(readWhole1).isEqualTo(few);
        Set<Long> readWhole2 = transaction.execute(status -> store.candidatesReadingEveryKey(keysUpTo1, Map.of(), List.of(wulan)));
        assertThat(readWhole2).isEqualTo(smallBlocksOnly);
    }

    @Test
    void aBlockKeyMakesCandidatesOnlyUpToItsOwnCap() {
        FileOutcome file = files.load("64.08", List.of(
                victim("TPPO/CAP/1", "Yuliana Ibau", "", "P", "14/02/1999", "", "Samarinda"),
                victim("TPPO/CAP/2", "Ernawati Belawan", "", "P", "14/02/1999", "", "Samarinda")));
        long yuliana = victimId(file, "TPPO/CAP/1");
        long ernawati = victimId(file, "TPPO/CAP/2");
        long birthDateAndSex = theOneKeyShared(yuliana, ernawati);
        Map<Long, Integer> capped = keysOf(yuliana, 200);
        capped.put(birthDateAndSex, 1);
        Map<Long, Integer> upTo2 = keysOf(yuliana, 2);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Set<Long> cappedByArray = transaction.execute(status -> store.candidatesByArray(capped, Map.of(), List.of(yuliana)));
        Set<Long> cappedThroughTable = transaction.execute(status -> store.candidatesThroughTable(capped, Map.of(), List.of(yuliana)));
        Set<Long> uncapped = transaction.execute(status -> store.candidatesByArray(upTo2, Map.of(), List.of(yuliana)));

        assertThat(cappedByArray).containsExactly(yuliana);
        assertThat(cappedThroughTable).containsExactly(yuliana);
        Set<Long> readWhole3 = transaction.execute(status -> store.candidatesReadingEveryKey(capped, Map.of(), List.of(yuliana)));
        assertThat(readWhole3).containsExactly(yuliana);
        assertThat(uncapped).containsExactlyInAnyOrder(yuliana, ernawati);
        Set<Long> readWhole4 = transaction.execute(status -> store.candidatesReadingEveryKey(upTo2, Map.of(), List.of(yuliana)));
        assertThat(readWhole4).isEqualTo(uncapped);
    }

    @Test
    void aBlockCountsTheNewRecordsWhoseKeysAreNotStoredYet() {
        FileOutcome file = files.load("64.08", List.of(
                victim("TPPO/NEWCAP/1", "Theresia Hanyeq", "", "P", "09/11/1996", "", "Samarinda"),
                victim("TPPO/NEWCAP/2", "Veronika Lusang", "", "P", "09/11/1996", "", "Samarinda")));
        long theresia = victimId(file, "TPPO/NEWCAP/1");
        long veronika = victimId(file, "TPPO/NEWCAP/2");
        long birthDateAndSex = theOneKeyShared(theresia, veronika);
        Map<Long, Integer> upTo3 = keysOf(theresia, 3);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        // two records stored in the block: with one new record more it holds 3 (room), with two more 4 (full)
        Map<Long, Integer> oneNew = Map.of(birthDateAndSex, 1);
        Map<Long, Integer> twoNew = Map.of(birthDateAndSex, 2);
        Set<Long> roomByArray = transaction.execute(status -> store.candidatesByArray(upTo3, oneNew, List.of(theresia)));
        Set<Long> roomThroughTable = transaction.execute(status -> store.candidatesThroughTable(upTo3, oneNew, List.of(theresia)));
        Set<Long> fullByArray = transaction.execute(status -> store.candidatesByArray(upTo3, twoNew, List.of(theresia)));
        Set<Long> fullThroughTable = transaction.execute(status -> store.candidatesThroughTable(upTo3, twoNew, List.of(theresia)));

        assertThat(roomByArray).containsExactlyInAnyOrder(theresia, veronika);
        assertThat(roomThroughTable).isEqualTo(roomByArray);
        assertThat(fullByArray).containsExactly(theresia);
        assertThat(fullThroughTable).isEqualTo(fullByArray);
        Set<Long> readWhole5 = transaction.execute(status -> store.candidatesReadingEveryKey(upTo3, oneNew, List.of(theresia)));
        assertThat(readWhole5).isEqualTo(roomByArray);
        Set<Long> readWhole6 = transaction.execute(status -> store.candidatesReadingEveryKey(upTo3, twoNew, List.of(theresia)));
        assertThat(readWhole6).isEqualTo(fullByArray);
    }

    /** The stored block keys of a record, each with the same cap. */
    /** The block key two records share, asserted to be their only one (the birth date and sex). */
    private long theOneKeyShared(long one, long other) {
        Map<Long, Integer> shared = new HashMap<>(keysOf(one, 200));
        shared.keySet().retainAll(keysOf(other, 200).keySet());
        assertThat(shared).as("one key shared: the birth date and sex").hasSize(1);
        return shared.keySet().iterator().next();
    }

    private Map<Long, Integer> keysOf(long victim, int cap) {
        Map<Long, Integer> keys = new HashMap<>();
        jdbc.sql("select unnest(keys) from persons.victim_block where victim_id = ?").param(victim)
                .query(Long.class).list()
                .forEach(key -> keys.put(key, cap));
        return keys;
    }

    @Test
    void aRecordRedeliveredWithAnotherNameLosesTheKeysItNoLongerHasAndKeepsTheOthers() {
        List<List<String>> rows = new ArrayList<>(List.of(
                victim("TPPO/KEYS/1", "Yohana Sembiring", "6471016408000017", "P", "24/08/2000", "", "Balikpapan"),
                victim("TPPO/KEYS/2", "Yohana Sembiring", "", "P", "24/08/2000", "", "Balikpapan")));
        FileOutcome first = files.load("64.08", rows);
        long changed = victimId(first, "TPPO/KEYS/1");
        long kept = victimId(first, "TPPO/KEYS/2");
        Set<Long> before = keysOf(changed, 200).keySet();
        Set<String> storedBefore = StoredBlockKeys.of(jdbc);

        rows.get(0).set(3, "Ratna Hutapea");
        files.load("64.08", rows);

        Set<Long> after = keysOf(changed, 200).keySet();
        assertThat(after).isNotEmpty().isNotEqualTo(before);
        // the keys of the name gone are taken off its blocks; those of the NIK, the birth date and sex stay
        assertThat(after).containsAnyElementsOf(before);
        Set<String> stored = StoredBlockKeys.of(jdbc);
        before.stream().filter(key -> !after.contains(key))
                .forEach(key -> assertThat(stored).doesNotContain(changed + "," + key));
        assertThat(stored).containsAll(storedBefore.stream().filter(key -> key.startsWith(kept + ",")).toList());
    }

    @Test
    void theBlockKeysOfADeletedRecordGoWithIt() {
        FileOutcome file = files.load("64.09", List.of(
                victim("TPPO/GONE/1", "Maria Goreti Lamanepa", "", "P", "21/10/2003", "", "Samarinda")));
        long victim = victimId(file, "TPPO/GONE/1");
        String keys = "select (select count(*) from persons.victim_block where victim_id = ?)"
                + " + (select count(*) from persons.block b, unnest(b.victims) v where v = ?)";
        assertThat(jdbc.sql(keys).params(victim, victim).query(Long.class).single()).isPositive();

        long left = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from warehouse.victim where id = ?").param(victim).update();
            return jdbc.sql(keys).params(victim, victim).query(Long.class).single();
        });

        assertThat(left).isZero();
    }

    @Test
    void aRecordIsPendingFromItsInsertOrChangeUntilResolvedAtThatVersion() {
        FileOutcome file = files.load("64.11", List.of(
                victim("TPPO/PEND/1", "Rabiatul Hasanah Lahang", "", "P", "14/02/1991", "", "Samarinda")));
        long victim = victimId(file, "TPPO/PEND/1");
        String pending = "select count(*) from persons.pending_victim where victim_id = ?";
        assertThat(jdbc.sql(pending).param(victim).query(Long.class).single()).as("resolved by the load").isZero();

        jdbc.sql("update warehouse.victim set version = version + 1 where id = ?").param(victim).update();
        assertThat(jdbc.sql(pending).param(victim).query(Long.class).single()).as("changed").isEqualTo(1);
        ResolutionSummary summary = resolution.resolvePending("test");

        assertThat(summary.victims()).isPositive();
        assertThat(jdbc.sql(pending).param(victim).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select victim_version from persons.victim_person where victim_id = ?").param(victim)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(resolution.resolvePending("test").victims()).as("nothing left pending").isZero();
    }

    @Test
    void aRunThatResolvesEveryRecordListedEmptiesTheListWhole() {
        FileOutcome file = files.load("64.03", List.of(
                victim("TPPO/WHOLE/1", "Masitah Binti Arsyad", "", "P", "03/04/1992", "", "Berau")));
        long victim = victimId(file, "TPPO/WHOLE/1");
        resolution.resolvePending("test"); // whatever another test left listed
        jdbc.sql("update warehouse.victim set version = version + 1 where id = ?").param(victim).update();
        long before = pendingListFile();

        resolution.resolvePending("test");

        assertThat(jdbc.sql("select count(*) from persons.pending_victim").query(Long.class).single()).isZero();
        assertThat(pendingListFile()).as("truncated, not deleted row by row").isNotEqualTo(before);
    }

    @Test
    void aRecordListedAtAVersionTheRunDidNotResolveStaysListedAndTheOthersAreTakenOff() {
        FileOutcome file = files.load("64.03", List.of(
                victim("TPPO/LEFT/1", "Nurhayati Kambe", "", "P", "21/06/1993", "", "Berau"),
                victim("TPPO/LEFT/2", "Wahyuni Sabaruddin", "", "P", "09/11/1990", "", "Berau")));
        long changed = victimId(file, "TPPO/LEFT/1");
        long other = victimId(file, "TPPO/LEFT/2");
        jdbc.sql("update warehouse.victim set version = version + 1 where id in (?, ?)").params(changed, other).update();
        // listed at a version its record reaches only after the run read it (a change committed while the run ran)
        jdbc.sql("insert into persons.pending_victim (victim_id, victim_version) values (?, 3)").param(changed).update();
        long before = pendingListFile();

        resolution.resolvePending("test");

        String listed = "select victim_version from persons.pending_victim where victim_id = ?";
        assertThat(jdbc.sql(listed).param(changed).query(Integer.class).list()).containsExactly(3);
        assertThat(jdbc.sql(listed).param(other).query(Integer.class).list()).isEmpty();
        assertThat(pendingListFile()).as("not truncated").isEqualTo(before);
        jdbc.sql("update warehouse.victim set version = 3 where id = ?").param(changed).update();
        resolution.resolvePending("test");
        assertThat(jdbc.sql(listed).param(changed).query(Integer.class).list()).as("resolved at it").isEmpty();
    }

    @Test
    void aRunBesideAnotherTransactionHoldingTheListTakesItsRecordsOffWithoutWaiting() throws SQLException {
        FileOutcome file = files.load("64.03", List.of(
                victim("TPPO/HELD/1", "Rosmiati Daeng Kanang", "", "P", "14/01/1994", "", "Berau")));
        long victim = victimId(file, "TPPO/HELD/1");
        jdbc.sql("update warehouse.victim set version = version + 1 where id = ?").param(victim).update();
        long before = pendingListFile();

        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("lock table persons.pending_victim in access share mode");
            }
            resolution.resolvePending("test");
            reader.rollback();
        }

        assertThat(jdbc.sql("select count(*) from persons.pending_victim where victim_id = ?").param(victim)
                .query(Long.class).single()).isZero();
        assertThat(pendingListFile()).as("deleted row by row").isEqualTo(before);
    }

    @Test
    void recordsListedAsARangeArePendingAtTheLaterOfItsVersionAndTheirOwnUntilResolved() {
        FileOutcome file = files.load("64.07", List.of(
                victim("TPPO/RANGE/1", "Siti Rahmawati Lamba", "", "P", "02/03/1995", "", "Kutai Barat"),
                victim("TPPO/RANGE/2", "Nurul Aini Pakasi", "", "P", "17/08/1996", "", "Kutai Barat"),
                victim("TPPO/RANGE/3", "Desi Ratnasari Oma", "", "P", "25/12/1997", "", "Kutai Barat")));
        // an office's later delivery draws its new records' ids in no set order: the range is theirs by id
        List<Long> ids = idsInARow(file, "TPPO/RANGE/1", "TPPO/RANGE/2", "TPPO/RANGE/3");
        long first = ids.get(0);
        long middle = ids.get(1);
        long last = ids.get(2);
        resolution.resolvePending("test"); // whatever another test left listed
        // listed again as one range at their next version, as an office's first delivery lists its records (V111)
        jdbc.sql("update warehouse.victim set version = 2 where id between ? and ?").params(first, last).update();
        jdbc.sql("delete from persons.pending_victim where victim_id between ? and ?").params(first, last).update();
        listRange(first, last, 2);
        jdbc.sql("update warehouse.victim set version = 3 where id = ?").param(middle).update();

        assertThat(store.pendingListed()).as("three in the range, one row").isEqualTo(4);
        long before = pendingListFile();
        resolution.resolvePending("test");

        assertThat(jdbc.sql("select victim_version from persons.victim_person where victim_id between ? and ?"
                + " order by victim_id").params(first, last).query(Integer.class).list()).containsExactly(2, 3, 2);
        assertThat(store.pendingListed()).isZero();
        assertThat(pendingListFile()).as("emptied whole, the range with the rows").isNotEqualTo(before);
    }

    @Test
    void aRangeWithARecordNotResolvedAtItsVersionLeavesThatRecordListedAlone() {
        FileOutcome file = files.load("64.07", List.of(
                victim("TPPO/RANGE/4", "Hasnawati Daeng Ngai", "", "P", "11/01/1992", "", "Kutai Barat"),
                victim("TPPO/RANGE/5", "Megawati Lolo Bunga", "", "P", "30/05/1993", "", "Kutai Barat")));
        long resolvedNow = victimId(file, "TPPO/RANGE/4");
        long later = victimId(file, "TPPO/RANGE/5");
        resolution.resolvePending("test");
        jdbc.sql("update warehouse.victim set version = 2 where id in (?, ?)").params(resolvedNow, later).update();
        listRange(resolvedNow, resolvedNow, 2);
        // listed at a version its record reaches only after the run read it (a change committed while the run ran)
        listRange(later, later, 3);

        resolution.resolvePending("test");

        assertThat(jdbc.sql("select count(*) from persons.pending_range").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select victim_id, victim_version from persons.pending_victim where victim_id in (?, ?)")
                .params(resolvedNow, later).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list())
                .containsExactly(List.of(later, 3L));
    }

    @Test
    void aRecordDeletedFromARangeLeavesItsOtherRecordsListedOneByOne() {
        FileOutcome file = files.load("64.09", List.of(
                victim("TPPO/RANGE/6", "Yuliana Bunga Lembang", "", "P", "04/04/1994", "", "Samarinda"),
                victim("TPPO/RANGE/7", "Agustina Rante Allo", "", "P", "19/09/1995", "", "Samarinda"),
                victim("TPPO/RANGE/8", "Rosalina Tandi Pare", "", "P", "07/07/1996", "", "Samarinda")));
        List<Long> ids = idsInARow(file, "TPPO/RANGE/6", "TPPO/RANGE/7", "TPPO/RANGE/8");
        long first = ids.get(0);
        long gone = ids.get(1);
        long last = ids.get(2);
        resolution.resolvePending("test");

        List<List<Long>> listed = new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            listRange(first, last, 2);
            jdbc.sql("delete from warehouse.victim where id = ?").param(gone).update();
            assertThat(jdbc.sql("select count(*) from persons.pending_range").query(Long.class).single()).isZero();
            return jdbc.sql("select victim_id, victim_version from persons.pending_victim"
                    + " where victim_id between ? and ? order by victim_id").params(first, last)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list();
        });

        assertThat(listed).containsExactly(List.of(first, 2L), List.of(last, 2L));
    }

    /** The ids of the file's records of these cases, ascending: one statement's, one after the other. */
    private List<Long> idsInARow(FileOutcome file, String... cases) {
        List<Long> ids = Arrays.stream(cases).map(number -> victimId(file, number)).sorted().toList();
        assertThat(ids.get(ids.size() - 1) - ids.get(0)).as("one statement's ids").isEqualTo(ids.size() - 1);
        return ids;
    }

    private void listRange(long first, long last, int version) {
        jdbc.sql("insert into persons.pending_range (first_id, last_id, victim_version) values (?, ?, ?)")
                .params(first, last, version).update();
    }

    /** The file of the pending list's table: a truncation gives it a new one. */
    private long pendingListFile() {
        return jdbc.sql("select pg_relation_filenode('persons.pending_victim')").query(Long.class).single();
    }

    /** Loads two reports of one woman, the second without NIK and spelt otherwise; returns their victim ids once queued. */
    private List<Long> queuedPair(String officeA, String nameA, String officeB, String nameB, String birthDate, String nik) {
        FileOutcome a = files.load(officeA, List.of(victim("TPPO/0001", nameA, nik, "P", birthDate, "", "Samarinda")));
        FileOutcome b = files.load(officeB, List.of(victim("TPPO/0002", nameB, "", "P", birthDate, "", "Samarinda")));
        List<Long> victims = List.of(victimId(a, "TPPO/0001"), victimId(b, "TPPO/0002"));
        assertThat(jdbc.sql("select status from persons.candidate_pair where victim_a = ? and victim_b = ?")
                .params(victims.get(0), victims.get(1)).query(String.class).optional())
                .as("queued: " + run("persons", "pairs", "--status", "ALL").out).contains("OPEN");
        return victims;
    }

    private Map<?, ?> pairOf(String listed, List<Long> victims) {
        List<?> pairs = (List<?>) json.readValue(listed, Map.class).get("pairs");
        return pairs.stream().map(p -> (Map<?, ?>) p)
                .filter(p -> ((Number) p.get("victim_a")).longValue() == victims.get(0)
                        && ((Number) p.get("victim_b")).longValue() == victims.get(1))
                .findFirst().orElseThrow();
    }

    private long pairId(List<Long> victims) {
        return jdbc.sql("select id from persons.candidate_pair where victim_a = ? and victim_b = ?")
                .params(victims.get(0), victims.get(1)).query(Long.class).single();
    }

    private List<Long> events(String kind, long person) {
        return jdbc.sql("select other_person_id from persons.person_event where kind = ? and person_id = ? order by id")
                .params(kind, person).query(Long.class).list();
    }

    private long victimId(FileOutcome file, String caseNumber) {
        return jdbc.sql("""
                select v.id from warehouse.victim v join warehouse.tppo_case c on c.id = v.case_id
                 where v.office_code = ? and c.case_number = ?
                """).params(file.regency(), caseNumber).query(Long.class).single();
    }

    private long personOf(FileOutcome file, String caseNumber) {
        return personOfVictim(victimId(file, caseNumber));
    }

    private long personOfVictim(long victimId) {
        return jdbc.sql("select person_id from persons.victim_person where victim_id = ?").param(victimId)
                .query(Long.class).single();
    }

    private Command run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String login) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", login).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String login) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", login)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private record Command(int status, String out, String err) {
    }
}
