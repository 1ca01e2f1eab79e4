package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.persons.PersonFiles.victim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gugus.IntegrationTest;
import org.gugus.ingest.FileReception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The incremental run in bounded memory ({@link BoundedResolution}) against the run in memory on the
 * same records: the same persons, links and queue, for a pending list of every record and of some of
 * them (the others' persons involved). Groups of a few records, so that the blocks span many groups.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.group-records=40"})
class PersonsBoundedIntegrationTests {

    private static final String[] GIVEN = {"Aminah", "Bunga", "Citra", "Dahlia", "Erna", "Fatimah", "Gita", "Hartini",
            "Indah", "Juliana", "Kurniasih", "Lestari", "Melati", "Novita", "Oktaviani", "Puspita", "Qomariah", "Rosmini",
            "Sulastri", "Tuti", "Umi", "Vivi", "Wahyuni", "Yanti", "Zubaidah"};
    private static final String[] FAMILY = {"Simanjuntak", "Lubis", "Hasibuan", "Nainggolan", "Saragih", "Tanjung",
            "Harahap", "Siregar"};
    private static final String[] OFFICES = {"64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71",
            "64.72", "64.74"};

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonResolution resolution;

    @TempDir
    Path folder;

    @Test
    void theBoundedRunGivesThePersonsLinksAndQueueOfTheRunInMemory() {
        loadVictims();
        decide("64.01", "TPPO/A/0000", "64.07", "TPPO/B/0000", "DIFFERENT");
        decide("64.02", "TPPO/A/0001", "64.03", "TPPO/A/0002", "SAME");

        List<Long> every = jdbc.sql("select id from warehouse.victim order by id").query(Long.class).list();
        makePending(every);
        ResolutionSummary inMemory = resolution.resolvePending("test", false);
        Outcome expected = outcome();
        makePending(every);
        ResolutionSummary bounded = resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(expected);
        assertThat(bounded.victims()).isEqualTo(inMemory.victims()).isEqualTo(every.size());
        assertThat(bounded.persons()).isEqualTo(inMemory.persons()).isLessThan(every.size());
        assertThat(bounded.pairsQueued()).isEqualTo(inMemory.pairsQueued());
        assertThat(expected.links()).as("links").hasSizeGreaterThan(60);
        assertThat(expected.queue()).as("queued pairs").isNotEmpty();
        assertThat(jdbc.sql("select count(*) from persons.pending_victim").query(Long.class).single()).isZero();

        // the records of the higher ids pending again: the others' persons are involved
        List<Long> some = every.subList(every.size() / 2, every.size());
        makePending(some);
        resolution.resolvePending("test", false);
        Outcome someInMemory = outcome();
        makePending(some);
        resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(someInMemory);
        assertThat(someInMemory.persons()).isEqualTo(expected.persons());
    }

    @Test
    void aRunOfManyRecordsOntoAStoreOfFewGivesThePersonsLinksQueueAndBlockKeysOfTheBoundedRun() {
        loadVictims();
        List<Long> every = jdbc.sql("select id from warehouse.victim order by id").query(Long.class).list();
        makePending(every);
        resolution.resolvePending("test", false);
        // the store keeps the lowest ids' records only, one in eight (a small office's, before a first load's many)
        List<Long> many = every.subList(every.size() / 8, every.size());
        makePending(many);
        Map<Long, String> fewBefore = resolvedAt();
        resolution.resolvePending("test", false);
        Outcome inMemory = outcome();
        Set<String> keys = blockKeys();
        Map<Long, String> fewAfter = resolvedAt();
        makePending(many);
        resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(inMemory);
        assertThat(blockKeys()).isEqualTo(keys).hasSizeGreaterThan(every.size());
        assertThat(inMemory.links()).as("links").hasSizeGreaterThan(60);
        // the records of the few kept their rows: the same person at the same version, resolved when they were
        assertThat(fewBefore).hasSize(every.size() - many.size());
        fewBefore.forEach((victim, resolved) -> assertThat(fewAfter.get(victim)).as("record %d", victim).isEqualTo(resolved));
    }

    @Test
    void aBoundedRunOntoAStoreWithoutKeysOrFewWritesTheKeysOfTheRunInMemoryBesideIt() {
        loadVictims();
        List<Long> every = jdbc.sql("select id from warehouse.victim order by id").query(Long.class).list();
        makePending(every);
        resolution.resolvePending("test", false);
        Outcome inMemory = outcome();
        Set<String> keys = blockKeys();
        makePending(every);
        assertThat(jdbc.sql("select count(*) from persons.victim_block").query(Long.class).single()).isZero();
        // what a run killed while writing its keys aside leaves behind
        StoredBlockKeys.leaveTablesAside(jdbc, 1, 1);

        resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(inMemory);
        assertThat(blockKeys()).isEqualTo(keys).hasSizeGreaterThan(every.size());
        assertKeysInPlace();

        // a store of a few records' keys (a small office's, before a first load's many): those few kept with the run's
        List<Long> many = every.subList(4, every.size());
        makePending(many);
        resolution.resolvePending("test", false);
        Outcome ontoFewInMemory = outcome();
        Set<String> ontoFewKeys = blockKeys();
        makePending(many);
        assertThat(jdbc.sql("select count(*) from persons.victim_block").query(Long.class).single())
                .isEqualTo(4);

        resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(ontoFewInMemory);
        assertThat(blockKeys()).isEqualTo(ontoFewKeys).isEqualTo(keys);
        assertKeysInPlace();
    }

    private void assertKeysInPlace() {
        assertThat(StoredBlockKeys.indexes(jdbc)).containsExactlyInAnyOrder("block_pkey", "victim_block_pkey");
        assertThat(StoredBlockKeys.tableAside(jdbc)).isNull();
    }

    /** The block keys stored, each as record and key hash. */
    private Set<String> blockKeys() {
        return StoredBlockKeys.of(jdbc);
    }

    /** The person, version and time of resolution of each record resolved. */
    private Map<Long, String> resolvedAt() {
        Map<Long, String> resolved = new HashMap<>();
        jdbc.sql("select victim_id, person_id || ' ' || victim_version || ' ' || resolved_at from persons.victim_person")
                .query(rs -> {
                    resolved.put(rs.getLong(1), rs.getString(2));
                });
        return resolved;
    }

    /** The offices' files, loaded once for the tests of this class (they share the database). */
    void loadVictims() {
        if (jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single() > 0) {
            return;
        }
        PersonFiles files = new PersonFiles(reception, folder);
        Map<String, List<List<String>>> byOffice = new HashMap<>();
        for (int n = 0; n < 150; n++) {
            String name = GIVEN[n % GIVEN.length] + " " + FAMILY[n / GIVEN.length % FAMILY.length];
            String birth = "%02d/%02d/%d".formatted(1 + n % 28, 1 + n % 12, 1980 + n % 25);
            String nik = "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 41 + n % 28, 1 + n % 12, (80 + n % 25) % 100, n);
            byOffice.computeIfAbsent(OFFICES[n % 10], o -> new ArrayList<>())
                    .add(victim("TPPO/A/%04d".formatted(n), name, nik, "P", birth, "", "Samarinda"));
            if (n % 3 == 0) {
                // the same person again: in capitals, without her NIK every second time
                byOffice.computeIfAbsent(OFFICES[(n + 3) % 10], o -> new ArrayList<>())
                        .add(victim("TPPO/B/%04d".formatted(n), name.toUpperCase(), n % 2 == 0 ? nik : "", "P", birth,
                                "", "Kota Samarinda"));
            }
            if (n % 5 == 0) {
                // spelt otherwise, a name more, no NIK: uncertain pairs, queued
                byOffice.computeIfAbsent(OFFICES[(n + 7) % 10], o -> new ArrayList<>())
                        .add(victim("TPPO/C/%04d".formatted(n), name.replace("u", "oe").replace("j", "dj") + " Sari", "",
                                "P", birth, "", "Samarinda"));
            }
            if (n % 7 == 0) {
                // her NIK mistyped in one digit, her age only; every second time a man's record of that name
                String typo = nik.substring(0, 15) + (char) ('0' + (nik.charAt(15) - '0' + 1) % 10);
                byOffice.computeIfAbsent(OFFICES[(n + 5) % 10], o -> new ArrayList<>())
                        .add(victim("TPPO/D/%04d".formatted(n), name, typo, n % 2 == 0 ? "P" : "L", "",
                                String.valueOf(2024 - 1980 - n % 25), "Samarinda"));
            }
        }
        byOffice.forEach(files::load);
    }

    private void decide(String officeA, String caseA, String officeB, String caseB, String decision) {
        long a = victimOf(officeA, caseA);
        long b = victimOf(officeB, caseB);
        jdbc.sql("insert into persons.pair_decision (victim_a, victim_b, decision, decided_by) values (?, ?, ?, 'dina')")
                .params(Math.min(a, b), Math.max(a, b), decision).update();
    }

    private long victimOf(String office, String caseNumber) {
        return jdbc.sql("""
                select v.id from warehouse.victim v join warehouse.tppo_case c on c.id = v.case_id
                 where v.office_code = ? and c.case_number = ?
                """).params(office, caseNumber).query(Long.class).single();
    }

    /** These records made new again, as `bench/persons/pending.sh` does: persons, links, pairs and keys gone, listed. */
    void makePending(List<Long> ids) {
        Long[] victims = ids.toArray(Long[]::new);
        jdbc.sql("delete from persons.person_link where victim_a = any(:ids) or victim_b = any(:ids)").param("ids", victims)
                .update();
        jdbc.sql("delete from persons.candidate_pair where victim_a = any(:ids) or victim_b = any(:ids)")
                .param("ids", victims).update();
        StoredBlockKeys.forget(jdbc, victims);
        jdbc.sql("delete from persons.victim_person where victim_id = any(?)").param(victims).update();
        jdbc.sql("delete from persons.pending_victim").update();
        jdbc.sql("insert into persons.pending_victim (victim_id, victim_version) select id, version from warehouse.victim"
                + " where id = any(?)").param(victims).update();
        // the store's statistics as they are now: a run chooses its writes by them
        jdbc.sql("analyze persons.victim_person").update();
        StoredBlockKeys.analyse(jdbc);
    }

    /**
     * The outcome as text: the probabilities cast to text in the query (read as numbers, the driver's binary transfer
     * of a statement run five times and more wrote them as 2.3E-8 where the text before read 0.000000023).
     */
    Outcome outcome() {
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.sql("select person_id, victim_id from persons.victim_person order by victim_id").query(rs -> {
            members.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2));
        });
        Map<String, String> links = new HashMap<>();
        jdbc.sql("select victim_a, victim_b, round(probability::numeric, 9)::text, decided, comparisons::text from persons.person_link")
                .query(rs -> {
                    links.put(rs.getLong(1) + "," + rs.getLong(2), rs.getString(3) + " " + rs.getBoolean(4) + " "
                            + rs.getString(5));
                });
        Set<String> queue = new HashSet<>();
        jdbc.sql("select victim_a, victim_b, round(probability::numeric, 9)::text from persons.candidate_pair where status = 'OPEN'")
                .query(rs -> {
                    queue.add(rs.getLong(1) + "," + rs.getLong(2) + " " + rs.getString(3));
                });
        return new Outcome(new HashSet<>(members.values()), links, queue);
    }

    /** Persons as sets of records, links with their probabilities and explanations, open queued pairs. */
    record Outcome(Set<List<Long>> persons, Map<String, String> links, Set<String> queue) {
    }
}
