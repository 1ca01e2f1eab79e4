package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gugus.persons.PersonFiles.victim;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.ingest.FileReception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first load's block keys written beside its run ({@link BlockKeysAside}): with runs of 20 records and more counted
 * as many, a run onto an empty table of keys writes them on a connection of its own and puts that table in place; the
 * keys must be those the bounded run writes itself, the table keep its indexes, and a table left aside by a run that
 * failed must not count.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.many-records=20",
        "gugus.persons.resolution.few-pending=20"})
class PersonsFirstLoadIntegrationTests {

    private static final String[] GIVEN = {"Aminah", "Bunga", "Citra", "Dahlia", "Erna", "Fatimah", "Gita", "Hartini"};
    private static final String[] FAMILY = {"Simanjuntak", "Lubis", "Hasibuan", "Nainggolan", "Saragih"};
    private static final String[] OFFICES = {"64.01", "64.02", "64.03", "64.07", "64.71"};

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

    @Autowired
    PersonStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    @Test
    void aFirstLoadsBlockKeysWrittenAsideAreTheKeysTheRunWouldWriteAndKeepTheTablesIndexes() {
        List<Long> every = loadVictims();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false);
        Set<String> aside = blockKeys();
        Set<List<Long>> persons = persons();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", true); // the bounded run writes its keys itself

        assertThat(aside).isEqualTo(blockKeys()).hasSizeGreaterThan(every.size());
        assertThat(persons()).isEqualTo(persons);
        assertThat(tableAside()).isNull();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false);
        assertThat(StoredBlockKeys.indexes(jdbc)).containsExactlyInAnyOrder("block_pkey", "victim_block_pkey");
        // the next runs drop and build those indexes by their names: a run of many records after the first load's
        List<Long> half = every.subList(every.size() / 2, every.size());
        makePending(half);
        resolution.resolvePending("test", false);
        assertThat(blockKeys()).isEqualTo(aside);
        assertThat(persons()).isEqualTo(persons);
    }

    @Test
    void aFirstLoadDropsTheBlockKeysARunThatFailedLeftAside() {
        List<Long> every = loadVictims();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false);
        Set<String> keys = blockKeys();
        makeEveryRecordNew(every);
        // as a run killed after its keys were written aside, before its own transaction committed
        StoredBlockKeys.leaveTablesAside(jdbc, every.get(0), 42);

        resolution.resolvePending("test", false);

        assertThat(blockKeys()).isEqualTo(keys).doesNotContain(every.get(0) + ",42");
        assertThat(tableAside()).isNull();
    }

    @Test
    void aRunThatFindsNoConnectionForItsKeysWritesThemItselfAndDropsTheTableAFailedRunLeftAside() throws Exception {
        // as a run killed after its keys were written aside, before its own transaction committed
        StoredBlockKeys.leaveTablesAside(jdbc, 1, 42);
        CountDownLatch poolFreed = new CountDownLatch(1);
        DataSource poolTaken = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    poolFreed.await();
                    throw new SQLException("no connection free");
                });
        TransactionTemplate run = new TransactionTemplate(transactions);
        try {
            run.executeWithoutResult(status -> {
                BoundedKeysAside bounded = new BoundedKeysAside(poolTaken, jdbc, null);

                assertThat(bounded.takeBack()).as("the bounded run writes its keys itself").isTrue();
                assertThat(tableAside()).isNull();
                status.setRollbackOnly(); // killed before its commit
            });
            assertThat(tableAside()).as("the table left by a run killed before its commit").isNotNull();

            run.executeWithoutResult(status -> new BlockKeysAside(poolTaken, jdbc, store, List.of(), i -> new long[0], 0,
                    false).putInPlace());

            assertThat(tableAside()).as("the run in memory wrote its keys itself").isNull();
        } finally {
            poolFreed.countDown();
        }
    }

    @Test
    void aFirstLoadsRunHasWrittenItsQueueWhenItWaitsForTheVictimsItsPersonsForeignKeyLocks() throws Exception {
        List<Long> every = loadVictims();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false);
        Set<List<Long>> persons = persons();
        makeEveryRecordNew(every);
        // as the reports read ahead beside a first load's run: a transaction that has read the victims and goes on
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.createStatement().execute("select count(*) from warehouse.victim");
            CompletableFuture<ResolutionSummary> run = CompletableFuture.supplyAsync(
                    () -> resolution.resolvePending("test", false));
            Integer waiting = null;
            for (int tries = 0; waiting == null && tries < 600 && !run.isDone(); tries++) {
                waiting = jdbc.sql("""
                        select pid from pg_locks where relation = 'warehouse.victim'::regclass and not granted
                        """).query(Integer.class).optional().orElse(null);
                Thread.sleep(100);
            }
            assertThat(waiting).as("the run waits for the reader to drop its records' foreign key").isNotNull();

            assertThat(jdbc.sql("""
                    select count(*) from pg_locks where pid = ? and granted and mode = 'RowExclusiveLock'
                       and relation = 'persons.candidate_pair'::regclass
                    """).param(waiting).query(Long.class).single())
                    .as("the queue written before the records' persons").isEqualTo(1);
            reader.rollback();
            run.get(60, TimeUnit.SECONDS);
        }
        assertThat(persons()).isEqualTo(persons);
    }

    @Test
    void aRunClosesTheOpenPairOfItsRecordsThatItNoLongerQueuesThoughTheFirstLoadClosedNone() {
        List<Long> every = loadVictims();
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false); // none open before it: nothing to close
        // two records of two persons that the run did not queue, queued by hand as an earlier model might have
        List<Long> pair = jdbc.sql("""
                select array[a.victim_id, b.victim_id] from persons.victim_person a join persons.victim_person b
                    on a.victim_id < b.victim_id and a.person_id <> b.person_id
                 where not exists (select 1 from persons.candidate_pair c where c.victim_a = a.victim_id and c.victim_b = b.victim_id)
                 order by a.victim_id, b.victim_id limit 1
                """).query((rs, n) -> List.of((Long[]) rs.getArray(1).getArray())).single();
        jdbc.sql("""
                insert into persons.candidate_pair (victim_a, victim_b, weight, probability, comparisons, run_id)
                values (?, ?, 0, 0.5, '[]', (select max(id) from persons.resolution_run))
                """).params(pair.get(0), pair.get(1)).update();
        // both compared again: resolved at an earlier version, without a linkage hash
        Long[] ids = pair.toArray(Long[]::new);
        jdbc.sql("update persons.victim_person set victim_version = victim_version - 1, linkage_hash = null"
                + " where victim_id = any(?)").param(ids).update();
        jdbc.sql("insert into persons.pending_victim (victim_id, victim_version) select id, version from warehouse.victim"
                + " where id = any(?)").param(ids).update();

        resolution.resolvePending("test", false);

        assertThat(jdbc.sql("select status from persons.candidate_pair where victim_a = ? and victim_b = ?")
                .params(pair.get(0), pair.get(1)).query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void aRunFindingNothingLinkedQueuedOrDecidedAndFewResolvedKeepsTheirPersonsAndLinksAsFromScratch() {
        List<Long> every = loadVictims();
        Set<List<Long>> fromScratch = resolvedFromScratch(every);
        // one record of a person of two kept resolved (a small office's, as before a first load), the rest new again,
        // nothing linked, queued or decided
        List<Long> twice = aPersonOfMany(fromScratch);
        long kept = twice.get(0);
        long person = jdbc.sql("select person_id from persons.victim_person where victim_id = ?").param(kept)
                .query(Long.class).single();
        makePending(every.stream().filter(victim -> victim != kept).toList());
        jdbc.sql("delete from persons.person_link").update();
        jdbc.sql("delete from persons.candidate_pair").update();

        resolution.resolvePending("test", false);

        assertThat(resolution.lookedUpInMemory()).as("the few resolved looked up in memory").isTrue();
        assertThat(persons()).isEqualTo(fromScratch);
        assertThat(jdbc.sql("select person_id from persons.victim_person where victim_id = any(?)")
                .param(twice.toArray(Long[]::new)).query(Long.class).set()).as("the kept record's person, its mate's too")
                .containsExactly(person);
    }

    @Test
    void aRunFindingALinkSearchesItsRecordsRelativesInTheStore() {
        List<Long> every = loadVictims();
        Set<List<Long>> fromScratch = resolvedFromScratch(every);
        List<Long> twice = aPersonOfMany(fromScratch);
        // a person of two records kept whole with its link, the rest new again
        makePending(every.stream().filter(victim -> !twice.contains(victim)).toList());

        resolution.resolvePending("test", false);

        assertThat(resolution.lookedUpInMemory()).as("a link held: searched in the store").isFalse();
        assertThat(persons()).isEqualTo(fromScratch);
    }

    @Test
    void manyNewPersonsCopiedIntoATableHoldingFewKeepTheirForeignKeyOnMergedInto() {
        loadVictims();
        jdbc.sql("analyze persons.person").update();
        long held = jdbc.sql("select count(*) from persons.person").query(Long.class).single();
        TransactionTemplate run = new TransactionTemplate(transactions);
        run.executeWithoutResult(status -> {
            long[] fresh = store.newPersons(firstRecords(held * PersonStore.FEW + 100)); // many against the few held

            assertThat(jdbc.sql("""
                    select pg_get_constraintdef(oid) || ' ' || convalidated from pg_constraint
                     where conrelid = 'persons.person'::regclass and conname = 'person_merged_into_fkey'
                    """).query(String.class).single()).isEqualTo("FOREIGN KEY (merged_into) REFERENCES persons.person(id) true");
            assertThatThrownBy(() -> jdbc.sql("update persons.person set merged_into = -1 where id = ?")
                    .param(fresh[0]).update()).isInstanceOf(DataIntegrityViolationException.class);
            status.setRollbackOnly();
        });
    }

    @Test
    void manyNewPersonsCopiedIntoATableHoldingFewKeepItsKeyItsIndexAndTheForeignKeysOnIt() {
        loadVictims();
        jdbc.sql("analyze persons.person").update();
        long held = jdbc.sql("select count(*) from persons.person").query(Long.class).single();
        String before = personKeys();
        long aRecord = jdbc.sql("select min(id) from warehouse.victim").query(Long.class).single();
        TransactionTemplate run = new TransactionTemplate(transactions);
        run.executeWithoutResult(status -> {
            long[] fresh = store.newPersons(firstRecords(held * PersonStore.FEW + 100)); // many against the few held

            assertThat(personKeys()).isEqualTo(before);
            assertThat(fresh).hasSize((int) held * PersonStore.FEW + 100);
            // the key, and each foreign key on it, refuse what they refused before the copy
            assertRefused("insert into persons.person (id) overriding system value values (?)", fresh[0]);
            assertRefused("update persons.person set merged_into = -1 where id = ?", fresh[0]);
            assertRefused("""
                    insert into persons.person_event (kind, person_id, other_person_id, run_id)
                    select 'MERGED', ?, -1, max(id) from persons.resolution_run
                    """, fresh[0]);
            assertRefused("""
                    insert into persons.victim_person (victim_id, person_id, victim_version) values (?, -1, 1)
                    on conflict (victim_id) do update set person_id = -1
                    """, aRecord);
            status.setRollbackOnly();
        });
    }

    @Test
    void newPersonsAreNumberedByTheirFirstRecordUnlessAPersonHoldsThatNumber() {
        loadVictims();
        long highest = jdbc.sql("select max(id) from persons.person").query(Long.class).single();
        long free = highest + 1_000;
        TransactionTemplate run = new TransactionTemplate(transactions);
        run.executeWithoutResult(status -> {
            long[] fresh = store.newPersons(new long[] {free + 5, highest, free});

            assertThat(fresh[0]).isEqualTo(free + 5);
            assertThat(fresh[2]).isEqualTo(free);
            // held already: drawn past every person and every record given
            assertThat(fresh[1]).isGreaterThan(free + 5);
            assertThat(jdbc.sql("select count(*) from persons.person where id = any(?)")
                    .param(Arrays.stream(fresh).boxed().toArray(Long[]::new)).query(Long.class).single()).isEqualTo(3);
            status.setRollbackOnly();
        });
    }

    @Test
    void manyNewPersonsAreNumberedByTheirFirstRecordToo() {
        loadVictims();
        long held = jdbc.sql("select count(*) from persons.person").query(Long.class).single();
        List<Long> twoHeld = jdbc.sql("select id from persons.person order by id desc limit 2").query(Long.class).list();
        TransactionTemplate run = new TransactionTemplate(transactions);
        run.executeWithoutResult(status -> {
            long[] firsts = LongStream.concat(twoHeld.stream().mapToLong(Long::longValue),
                    Arrays.stream(firstRecords(held * PersonStore.FEW + 100))).toArray();

            long[] fresh = store.newPersons(firsts);

            // the two held drawn past the rest, the others as given
            assertThat(Arrays.copyOfRange(fresh, 2, fresh.length)).containsExactly(Arrays.copyOfRange(firsts, 2,
                    firsts.length));
            assertThat(fresh[0]).isGreaterThan(firsts[firsts.length - 1]);
            assertThat(fresh[1]).isGreaterThan(firsts[firsts.length - 1]).isNotEqualTo(fresh[0]);
            status.setRollbackOnly();
        });
    }

    /** That many record ids past every person's number: new persons' first records, none of them held. */
    private long[] firstRecords(long count) {
        long highest = jdbc.sql("select coalesce(max(id), 0) from persons.person").query(Long.class).single();
        return LongStream.rangeClosed(highest + 1, highest + count).toArray();
    }

    /** The statement fails on a constraint, under a savepoint (the caller's transaction goes on). */
    private void assertRefused(String statement, Object parameter) {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        assertThatThrownBy(() -> savepoint.executeWithoutResult(status -> {
            assertThat(jdbc.sql(statement).param(parameter).update()).isEqualTo(1);
        })).isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * {@code persons.person}'s constraints and indexes, and the foreign keys on it, as the catalogue defines them, each
     * with whether it is validated.
     */
    private String personKeys() {
        return String.join("\n", jdbc.sql("""
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
                  from pg_constraint where conrelid = 'persons.person'::regclass or confrelid = 'persons.person'::regclass
                union all
                select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'persons.person'::regclass
                order by 1
                """).query(String.class).list());
    }

    /** The block keys stored, each as record and key hash. */
    private Set<String> blockKeys() {
        return StoredBlockKeys.of(jdbc);
    }

    private String tableAside() {
        return StoredBlockKeys.tableAside(jdbc);
    }

    /** Every record made new and resolved by one run: the persons it made. */
    private Set<List<Long>> resolvedFromScratch(List<Long> every) {
        makeEveryRecordNew(every);
        resolution.resolvePending("test", false);
        return persons();
    }

    /** The records of a person of more than one. */
    private static List<Long> aPersonOfMany(Set<List<Long>> persons) {
        return persons.stream().filter(records -> records.size() > 1).findFirst().orElseThrow();
    }

    /** Persons as sets of records. */
    private Set<List<Long>> persons() {
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.sql("select person_id, victim_id from persons.victim_person order by victim_id").query(rs -> {
            members.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(rs.getLong(2));
        });
        return new HashSet<>(members.values());
    }

    /** The offices' files, loaded once for the tests of this class (they share the database); every record's id. */
    private List<Long> loadVictims() {
        if (jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single() == 0) {
            PersonFiles files = new PersonFiles(reception, folder);
            Map<String, List<List<String>>> byOffice = new HashMap<>();
            for (int n = 0; n < 40; n++) {
                String name = GIVEN[n % GIVEN.length] + " " + FAMILY[n / GIVEN.length % FAMILY.length];
                String birth = "%02d/%02d/%d".formatted(1 + n % 28, 1 + n % 12, 1980 + n % 25);
                String nik = "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 41 + n % 28, 1 + n % 12, (80 + n % 25) % 100, n);
                byOffice.computeIfAbsent(OFFICES[n % OFFICES.length], o -> new ArrayList<>())
                        .add(victim("TPPO/A/%04d".formatted(n), name, nik, "P", birth, "", "Samarinda"));
                if (n % 3 == 0) {
                    // the same person again, in capitals, without her NIK
                    byOffice.computeIfAbsent(OFFICES[(n + 2) % OFFICES.length], o -> new ArrayList<>())
                            .add(victim("TPPO/B/%04d".formatted(n), name.toUpperCase(), "", "P", birth, "", "Kota Samarinda"));
                }
            }
            byOffice.forEach(files::load);
        }
        return jdbc.sql("select id from warehouse.victim order by id").query(Long.class).list();
    }

    /** Every record new again, as before a first load: persons, links, pairs and every block key gone. */
    private void makeEveryRecordNew(List<Long> every) {
        StoredBlockKeys.truncate(jdbc);
        makePending(every);
    }

    /** These records made new again, as `bench/persons/pending.sh` does: persons, links, pairs and keys gone, listed. */
    private void makePending(List<Long> ids) {
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
        jdbc.sql("analyze persons.victim_person").update();
        StoredBlockKeys.analyse(jdbc);
    }
}
