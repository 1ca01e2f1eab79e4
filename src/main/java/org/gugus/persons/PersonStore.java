package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.gugus.persons.linkage.ComparisonWeight;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.PreparedRecords;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.persons.linkage.VictimReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code persons} schema as resolution writes it: runs, the model, block keys, which person each
 * record is, links, queued pairs, decisions, merges and splits. Every method runs in the caller's
 * transaction. A {@code scope} of {@code null} means every record (a run over all of them).
 */
@Component
class PersonStore {

    /** PostgreSQL's {@code lock_not_available}: a lock asked for with {@code nowait} is held by another transaction. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Memory for grouping a million records' block keys by key: 7 million keys sorted in memory, not on disk. */
    private static final String GROUPING_MEMORY = "set local work_mem = '256MB'";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    /**
     * A table holding at most one part in this many of what a run writes (a first load after a small office's) is
     * emptied and written anew, what it held put back: the run's rows go in frozen, in order, its keys built after.
     */
    static final int FEW = 4;

    /** How many new persons' numbers {@link #newPersons} looks up at once. */
    private static final int HELD_LOOKUP = 10_000;

    /** From this many records on, a {@link Scope} is a temporary table and a run's persons are written set-based. */
    private final int manyRecords;

    PersonStore(JdbcClient jdbc, DataSource dataSource, JsonMapper json,
            @Value("${gugus.persons.resolution.many-records:10000}")
            int manyRecords) {
        this.manyRecords = manyRecords;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One resolution at a time, across instances and the command line: held until the transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('gugus.persons.resolution'))").query().singleRow();
    }

    /**
     * No parallel workers for the rest of the transaction: a short run's statements each touch a few thousand rows,
     * and the pending list's statistics, mostly stale (the list fills and empties with each load), had the planner
     * start two workers for them; starting them took 140 ms of a 145 ms statement on a loaded machine.
     */
    void withoutParallelWorkers() {
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
    }

    /**
     * Memory for sorts and hashes for the rest of the transaction: the read of 100,000 pending records, sorted by id,
     * spilled to temporary files under the default {@code work_mem}.
     */
    void withMemoryForManyRecords() {
        jdbc.sql("set local work_mem = '64MB'").update();
    }

    /**
     * Statistics of the pending list as it is now: a load's publish fills it just before its resolution, after
     * autovacuum last saw it, and planned on the stale figures (a few hundred rows) the warehouse's join of the list
     * probed the victims and their cases by index once per pending record.
     */
    void analysePendingList() {
        jdbc.sql("analyze persons.pending_victim").update();
    }

    long startRun(boolean all, String trigger) {
        return jdbc.sql("insert into persons.resolution_run (all_records, trigger) values (?, ?) returning id")
                .params(all, trigger).query(Long.class).single();
    }

    void finishRun(long run, ResolutionSummary summary) {
        jdbc.sql("""
                update persons.resolution_run set finished_at = clock_timestamp(), victims = ?, persons = ?, links = ?,
                       pairs_queued = ?, pairs_not_queued = ? where id = ?
                """).params(summary.victims(), summary.persons(), summary.links(), summary.pairsQueued(),
                        summary.pairsNotQueued(), run).update();
    }

    Optional<StoredModel> model() {
        return jdbc.sql("select id, estimated_at, records, model from persons.linkage_model order by id desc limit 1")
                .query((rs, n) -> new StoredModel(rs.getLong("id"), rs.getObject("estimated_at", OffsetDateTime.class),
                        rs.getInt("records"), json.readValue(rs.getString("model"), LinkageModel.class)))
                .optional();
    }

    /** The id of the model incremental runs use ({@link #model()}), 0 while none is stored. */
    long modelId() {
        return jdbc.sql("select coalesce(max(id), 0) from persons.linkage_model").query(Long.class).single();
    }

    void saveModel(int records, LinkageModel model) {
        jdbc.sql("insert into persons.linkage_model (records, model) values (?, ?::jsonb)")
                .params(records, json.writeValueAsString(model)).update();
    }

    /**
     * Replaces the block keys of every record by the hashes of the records given ({@code hashes} of each
     * one's index in {@code victims}): their rows of keys, and the blocks grouped here a range of hashes at a time
     * ({@link BlockKeyRanges}), copied into the emptied tables, each table's primary key built once after.
     */
    void replaceAllBlockKeys(List<Long> victims, IntFunction<long[]> hashes) {
        // every key anew: the primary keys are built once over the whole tables, not kept up row by row; into the
        // tables emptied by this transaction the rows go in frozen and all-visible
        jdbc.sql("truncate persons.block, persons.victim_block").update();
        dropBlockKeyIndexes();
        try (BlockKeyRanges ranges = new BlockKeyRanges(victims.size() * 8L)) {
            try (IdRowsCopy copy = keysCopy("persons.victim_block (victim_id, keys)", true)) {
                for (int i = 0; i < victims.size(); i++) {
                    long victim = victims.get(i);
                    long[] own = hashes.apply(i);
                    if (own.length > 0) {
                        copy.row(victim, own, own.length);
                    }
                    for (long hash : own) {
                        ranges.add(hash, victim);
                    }
                }
            }
            try (IdRowsCopy copy = keysCopy("persons.block (key_hash, victims)", true)) {
                ranges.forEachRange(rows -> copyBlocks(rows, copy));
            }
        }
        buildBlockKeyIndexes();
    }

    /**
     * The blocks of the rows of keys in {@code keys} (a table on the server: a bounded run's) grouped into
     * {@code blocks} by the server.
     */
    static void groupBlocks(JdbcClient jdbc, String keys, String blocks) {
        jdbc.sql(GROUPING_MEMORY).update();
        jdbc.sql(grouping(keys, blocks)).update();
    }

    private static String grouping(String keys, String blocks) {
        return "insert into " + blocks + " (key_hash, victims) select k.key_hash, array_agg(v.victim_id) from " + keys
                + " v cross join lateral unnest(v.keys) k (key_hash) group by k.key_hash";
    }

    /** How many records have their block keys stored, by PostgreSQL's estimate. */
    long keyedRecords() {
        return estimatedRows("persons.victim_block");
    }

    /** How many blocks (distinct keys) are stored, by PostgreSQL's estimate. */
    long blocksHeld() {
        return estimatedRows("persons.block");
    }

    private long estimatedRows(String table) {
        return jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = ?::regclass").param(table)
                .query(Long.class).single();
    }

    /** Whether any record's block keys are stored (none are before a first load is resolved). */
    boolean holdsBlockKeys() {
        return jdbc.sql("select exists (select 1 from persons.victim_block)").query(Boolean.class).single();
    }

    /** Deletes the block keys of the records in a table ({@code victim_id}: a bounded run's pending records). */
    void forgetBlockKeysOf(String table) {
        // joined, not an array of a million ids searched for in the records' keys
        jdbc.sql("with forgotten as (delete from persons.victim_block v using " + table + " p"
                + " where v.victim_id = p.victim_id returning v.victim_id, v.keys)"
                + " select persons.unblock(array_agg(k), array_agg(f.victim_id))"
                + " from forgotten f cross join lateral unnest(f.keys) k").query().singleRow();
    }

    /** The block keys stored for the records of a scope, by record. */
    Map<Long, long[]> blockKeysOf(Scope victims) {
        return blockKeys(victims.bind(jdbc.sql("select victim_id, keys from persons.victim_block where "
                + victims.holds("victim_id"))));
    }

    /**
     * Every block key stored, by record: for a run whose records outnumber the stored ones (a first load after a
     * small office's), read whole instead of joined with a temporary table of the run's 100,000 records.
     */
    Map<Long, long[]> everyBlockKey() {
        return blockKeys(jdbc.sql("select victim_id, keys from persons.victim_block").withFetchSize(10_000));
    }

    private static Map<Long, long[]> blockKeys(JdbcClient.StatementSpec statement) {
        Map<Long, long[]> byRecord = new HashMap<>();
        statement.query(rs -> {
            byRecord.put(rs.getLong(1), longs(rs.getArray(2)));
        });
        return byRecord;
    }

    /** A {@code bigint[]} column's values. */
    static long[] longs(Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] values = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    /**
     * Deletes these block keys ({@code hashes} of {@code victims}, one by one): keys their records no longer have,
     * taken off the records' rows of keys and the records off the keys' blocks.
     */
    void deleteBlockKeys(List<Long> victims, List<Long> hashes) {
        if (victims.isEmpty()) {
            return;
        }
        Long[] holders = ids(victims);
        Long[] keys = ids(hashes);
        jdbc.sql("select persons.unblock(?, ?)").params(keys, holders).query().singleRow();
        jdbc.sql("""
                update persons.victim_block v set keys = array(select k from unnest(v.keys) k where k <> all (l.keys))
                  from (select victim_id, array_agg(key_hash) keys from unnest(?, ?) u (victim_id, key_hash)
                         group by victim_id) l
                 where v.victim_id = l.victim_id
                """).params(holders, keys).update();
        jdbc.sql("delete from persons.victim_block where victim_id = any(?) and cardinality(keys) = 0").param(holders)
                .update();
    }

    /**
     * Adds the block keys of the records given ({@code hashes} of each one's index in {@code victims}, {@code keys} in
     * all). Into tables holding none, or few against the run's records (a first load, after a small office's), they
     * go in as a run over every record writes them: frozen, the blocks grouped here, the primary keys built after, the
     * few put back. Else they are merged: a record's keys added to its row, the records to their blocks' rows.
     */
    void addBlockKeys(List<Long> victims, IntFunction<long[]> hashes, long keys) {
        if (victims.isEmpty()) {
            return;
        }
        boolean holds = holdsBlockKeys();
        if (!holds || keyedRecords() <= victims.size() / FEW) {
            if (holds) {
                jdbc.sql("create temporary table kept_victim_block on commit drop as"
                        + " select * from persons.victim_block").update();
            }
            jdbc.sql("truncate persons.block, persons.victim_block").update();
            dropBlockKeyIndexes();
            copyBlocks(BlockKeyRows.byHash(victims, hashes, Math.toIntExact(keys)));
            try (IdRowsCopy copy = keysCopy("persons.victim_block (victim_id, keys)", true)) {
                copyRecordsKeys(victims, hashes, copy);
            }
            buildBlockKeyIndexes();
            if (holds) {
                mergeBlockKeys("kept_victim_block");
                jdbc.sql("drop table kept_victim_block").update();
            }
            return;
        }
        jdbc.sql("create temporary table added_victim_block (victim_id bigint, keys bigint[]) on commit drop").update();
        try (IdRowsCopy copy = keysCopy("added_victim_block (victim_id, keys)", false)) {
            copyRecordsKeys(victims, hashes, copy);
        }
        mergeBlockKeys("added_victim_block");
        jdbc.sql("drop table added_victim_block").update();
    }

    /** The blocks of the rows given ({@link BlockKeyRows}, in key order), a row each, into the emptied table. */
    private void copyBlocks(BlockKeyRows rows) {
        try (IdRowsCopy copy = keysCopy("persons.block (key_hash, victims)", true)) {
            copyBlocks(rows, copy);
        }
    }

    /** Each record's keys ({@code hashes} of its index in {@code victims}) a row; a record without keys has none. */
    static void copyRecordsKeys(List<Long> victims, IntFunction<long[]> hashes, IdRowsCopy copy) {
        for (int i = 0; i < victims.size(); i++) {
            long[] own = hashes.apply(i);
            if (own.length > 0) {
                copy.row(victims.get(i), own, own.length);
            }
        }
    }

    /** Each key's records ({@code rows} in key order) as one row of a block. */
    static void copyBlocks(BlockKeyRows rows, IdRowsCopy copy) {
        long[] holders = new long[16];
        int row = 0;
        while (row < rows.size()) {
            long key = rows.hash(row);
            int count = 0;
            for (; row < rows.size() && rows.hash(row) == key; row++) {
                if (count == holders.length) {
                    holders = Arrays.copyOf(holders, count * 2);
                }
                holders[count++] = rows.victim(row);
            }
            copy.row(key, holders, count);
        }
    }

    /**
     * The rows of keys in {@code table} (a record's keys each; records whose keys are stored have them added) merged
     * into the stored ones: each record's keys to its row, each record to the rows of its keys' blocks.
     */
    void mergeBlockKeys(String table) {
        mergeBlockKeys(jdbc, table, "persons.victim_block", "persons.block");
    }

    /** {@link #mergeBlockKeys(String)} into the tables named (the ones a first load writes beside the run too). */
    static void mergeBlockKeys(JdbcClient jdbc, String table, String keys, String blocks) {
        for (String statement : mergeStatements(table, keys, blocks)) {
            jdbc.sql(statement).update();
        }
    }

    /** The statements of {@link #mergeBlockKeys(JdbcClient, String, String, String)}. */
    static List<String> mergeStatements(String table, String keys, String blocks) {
        return List.of("insert into " + keys + " as s (victim_id, keys) select victim_id, array_agg(k order by k)"
                + " from " + table + " cross join lateral unnest(keys) k group by victim_id"
                + " on conflict (victim_id) do update set keys = s.keys || excluded.keys",
                "insert into " + blocks + " as s (key_hash, victims) select k, array_agg(victim_id order by victim_id)"
                + " from " + table + " cross join lateral unnest(keys) k group by k"
                + " on conflict (key_hash) do update set victims = s.victims || excluded.victims");
    }

    /**
     * The block keys of a first load ({@code hashes} of each one's index in {@code victims}, {@code keys} in all) written
     * beside the rest of the run ({@link BlockKeysAside}) when they are many and the tables hold none or few against
     * them (a first load after a small office's: those few merged with them), as {@link #addBlockKeys} would write them
     * into the emptied tables; null otherwise ({@code nothingDeleted} false: the run deleted some of the stored keys),
     * the run then adds them itself.
     */
    BlockKeysAside blockKeysAside(List<Long> victims, IntFunction<long[]> hashes, long keys, boolean nothingDeleted) {
        if (victims.size() < manyRecords || !nothingDeleted) {
            return null;
        }
        boolean holds = holdsBlockKeys();
        if (holds && keyedRecords() > victims.size() / FEW) {
            return null;
        }
        return new BlockKeysAside(dataSource, jdbc, this, victims, hashes, keys, holds);
    }

    /** A bounded run's keys written beside it into a store that holds none ({@link BoundedKeysAside}). */
    BoundedKeysAside boundedKeysAside(PreparedRecords held) {
        return new BoundedKeysAside(dataSource, jdbc, held);
    }

    /** A binary COPY on the run's connection ({@link IdRowsCopy}), for a bounded run's temporary tables. */
    IdRowsCopy binaryCopy(String sql) {
        return idRowsCopy(sql);
    }

    /**
     * A bounded run's records, each with its person and version and no linkage hash (resolved in full when it comes
     * again), as {@link #assign(long[], long[], int[], long[], boolean)} writes them: many into a table holding none
     * or few (a first load) copied in binary straight into it, rather than as text through a temporary table.
     */
    void assignWithoutHashes(long[] victims, long[] persons, int[] versions) {
        assign(victims, persons, versions, new long[victims.length], new boolean[victims.length], false);
    }

    /** The primary keys of the block tables dropped, to be built once after many rows go in. */
    void dropBlockKeyIndexes() {
        jdbc.sql("alter table persons.block drop constraint block_pkey").update();
        jdbc.sql("alter table persons.victim_block drop constraint victim_block_pkey").update();
    }

    void buildBlockKeyIndexes() {
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        jdbc.sql("alter table persons.block add primary key (key_hash)").update();
        jdbc.sql("alter table persons.victim_block add primary key (victim_id)").update();
        jdbc.sql("analyze persons.block, persons.victim_block").update();
    }

    /**
     * A binary COPY into a block table ({@code table} with its columns: a key and its records, or a record and its
     * keys); frozen only into a table emptied or created by this transaction.
     */
    private IdRowsCopy keysCopy(String table, boolean frozen) {
        String options = frozen ? "format binary, freeze" : "format binary";
        return new IdRowsCopy(DataSourceUtils.getConnection(dataSource), dataSource,
                "copy " + table + " from stdin with (" + options + ")");
    }

    /**
     * Takes the records resolved at their listed version (or a later one) off the list of pending records
     * ({@code persons.pending_victim}, kept by triggers on the warehouse's victims, and the ranges a first delivery
     * lists, {@code persons.pending_range}).
     */
    void forgetResolved() {
        if (emptiedWhole()) {
            return;
        }
        // a range listed (a first delivery's, V111) with a record left: its records left listed one by one
        jdbc.sql("""
                with taken as (delete from persons.pending_range returning first_id, last_id, victim_version)
                insert into persons.pending_victim (victim_id, victim_version)
                select g.victim_id, t.victim_version
                  from taken t
                 cross join lateral generate_series(t.first_id, t.last_id) as g(victim_id)
                 where not exists (select 1 from persons.victim_person vp
                                    where vp.victim_id = g.victim_id and vp.victim_version >= t.victim_version)
                """).update();
        jdbc.sql("""
                delete from persons.pending_victim p using persons.victim_person vp
                 where vp.victim_id = p.victim_id and vp.victim_version >= p.victim_version
                """).update();
    }

    /**
     * Empties the pending list whole when the run resolved every record it lists (a first load's run): a truncation,
     * not a row deleted at a time (at a million records the deletion took 1.1-1.6 s of the run, and left the list's
     * pages to be vacuumed). Checked under the list's exclusive lock, taken only when no other transaction holds a
     * lock on it (a publish or a correction listing records meanwhile), so that none lists a record between the
     * check and the truncation; given back at once when a record listed is not resolved at its listed version. False,
     * with nothing changed, when the lock was not free or a record is left.
     */
    private boolean emptiedWhole() {
        jdbc.sql("savepoint pending_emptied_whole").update();
        boolean whole;
        try {
            jdbc.sql("lock table persons.pending_victim, persons.pending_range in access exclusive mode nowait")
                    .update();
            // a range (V111) counted through the resolved records' key, not spelled out id by id
            whole = !jdbc.sql("""
                    select exists (select 1 from persons.pending_victim p
                                    where not exists (select 1 from persons.victim_person vp
                                                       where vp.victim_id = p.victim_id
                                                         and vp.victim_version >= p.victim_version))
                        or exists (select 1 from persons.pending_range r
                                    where (select count(*) from persons.victim_person vp
                                            where vp.victim_id between r.first_id and r.last_id
                                              and vp.victim_version >= r.victim_version) < r.last_id - r.first_id + 1)
                    """).query(Boolean.class).single();
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof SQLException refused)
                    || !LOCK_NOT_AVAILABLE.equals(refused.getSQLState())) {
                throw e;
            }
            whole = false;
        }
        if (!whole) {
            // the lock given back with the savepoint
            jdbc.sql("rollback to savepoint pending_emptied_whole").update();
        } else {
            jdbc.sql("truncate persons.pending_victim, persons.pending_range").update();
        }
        jdbc.sql("release savepoint pending_emptied_whole").update();
        return whole;
    }

    /**
     * The records of the pending list, each as it was resolved ({@code null} when it was not resolved yet);
     * with {@code resolvedOnly} only those resolved before with a linkage hash. A short list looks each record
     * up by the key (the list's statistics are mostly stale, and the join the planner then chose read the whole
     * table: 35–60 ms of 100,000 rows under load, ten times that at a million).
     */
    Map<Long, Resolved> pendingAsResolved(boolean resolvedOnly) {
        Map<Long, Resolved> resolved = new HashMap<>();
        jdbc.sql(resolvedOnly ? """
                select p.victim_id, vp.victim_version, vp.person_id, vp.linkage_hash from persons.pending_victim p
                  join persons.victim_person vp on vp.victim_id = p.victim_id where vp.linkage_hash is not null
                union
                select vp.victim_id, vp.victim_version, vp.person_id, vp.linkage_hash from persons.pending_range r
                  join persons.victim_person vp on vp.victim_id between r.first_id and r.last_id
                 where vp.linkage_hash is not null
                """ : """
                select p.victim_id, vp.victim_version, vp.person_id, vp.linkage_hash
                  from (select distinct victim_id from persons.pending_listed) p
                  left join lateral (select victim_version, person_id, linkage_hash from persons.victim_person v
                                      where v.victim_id = p.victim_id offset 0) vp on true
                """).query(rs -> {
            int version = rs.getInt(2);
            boolean none = rs.wasNull();
            long person = rs.getLong(3);
            long hash = rs.getLong(4);
            resolved.put(rs.getLong(1), none ? null : new Resolved(version, person, rs.wasNull() ? null : hash));
        });
        return resolved;
    }

    /** How a record was last resolved: at which version, into which person, its linkage hash (null when unknown). */
    record Resolved(int version, long person, Long linkageHash) {
    }

    /**
     * Records resolved again as they were: the same person, links and queued pairs, at a later version
     * ({@code versions} of {@code victims}).
     */
    void keepResolved(List<Long> victims, List<Integer> versions) {
        if (victims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update persons.victim_person vp set victim_version = k.version, resolved_at = now()
                  from unnest(?, ?) k (victim_id, version) where vp.victim_id = k.victim_id
                """).params(ids(victims), versions.toArray(Integer[]::new)).update();
    }

    /** How many records the list of pending records holds (a record may be listed more than once). */
    long pendingListed() {
        return jdbc.sql("""
                select (select count(*) from persons.pending_victim)
                       + (select coalesce(sum(last_id - first_id + 1), 0) from persons.pending_range)
                """).query(Long.class).single();
    }

    /** The two records of a queued pair. */
    Optional<VictimPair> pair(long pairId) {
        return jdbc.sql("select victim_a, victim_b from persons.candidate_pair where id = ?").param(pairId)
                .query((rs, n) -> new VictimPair(rs.getLong(1), rs.getLong(2))).optional();
    }

    /**
     * From this many keys on, {@link #candidates} goes through a temporary table of them (analysed, so
     * that PostgreSQL hashes and joins) instead of array parameters (whose size the planner guesses,
     * probing the index key by key).
     */
    static final int MANY_KEYS = 10_000;

    /**
     * The records holding one of these block keys (key hashes, each with the most records its block
     * may hold: a key held by more makes no candidates, as in a run over every record), each once, and
     * {@code victims} (the records whose keys they are). Only the records are found, not the pairs: the
     * caller reads them and pairs them in memory by their keys. Each key's block is read once, its one row
     * ({@code persons.block}), and sized and gathered in the same pass. {@code newHolders} counts the
     * records holding each key whose keys are not stored yet (they are written after the search): a
     * block's size is the stored records holding the key and these.
     */
    Set<Long> candidates(SearchedKeys keys, Collection<Long> victims) {
        if (keys.size() < MANY_KEYS) {
            return candidatesByArray(keys, victims);
        }
        // a store holding fewer keys than are searched for (a first load) is read whole rather than joined
        return blocksHeld() < keys.size() ? candidatesReadingEveryKey(keys, victims)
                : candidatesThroughTable(keys, victims);
    }

    /** {@link #candidates} by reading every stored key once and grouping those searched for in memory. */
    Set<Long> candidatesReadingEveryKey(SearchedKeys keys, Collection<Long> victims) {
        Set<Long> found = new HashSet<>(victims);
        jdbc.sql("select key_hash, victims from persons.block").withFetchSize(10_000).query(rs -> {
            long key = rs.getLong(1);
            if (keys.contains(key)) {
                long[] holders = longs(rs.getArray(2));
                if (holders.length <= keys.room(key)) {
                    for (long holder : holders) {
                        found.add(holder);
                    }
                }
            }
        });
        return found;
    }

    /** {@link #candidates} for a few keys, they and their caps array parameters. */
    Set<Long> candidatesByArray(SearchedKeys searched, Collection<Long> victims) {
        Set<Long> found = new HashSet<>(victims);
        if (searched.size() == 0) {
            return found;
        }
        List<Long> keys = new ArrayList<>(searched.size());
        List<Integer> caps = new ArrayList<>(searched.size());
        searched.forEach((hash, room) -> {
            // a block already full makes no pairs: not read
            if (room > 0) {
                keys.add(hash);
                caps.add(room);
            }
        });
        if (keys.isEmpty()) {
            return found;
        }
        // each block one row: a block over its cap makes no pairs, its records not sent
        jdbc.sql("""
                select b.victims from unnest(:keys, :caps) k (key_hash, cap)
                  join persons.block b on b.key_hash = k.key_hash
                 where cardinality(b.victims) <= k.cap
                """).param("keys", keys.toArray(Long[]::new)).param("caps", caps.toArray(Integer[]::new))
                .query(gatherInto(found));
        return found;
    }

    /** {@link #candidatesByArray(SearchedKeys, Collection)} of keys with caps and new holders as maps. */
    Set<Long> candidatesByArray(Map<Long, Integer> keyCaps, Map<Long, Integer> newHolders, Collection<Long> victims) {
        return candidatesByArray(SearchedKeys.of(keyCaps, newHolders), victims);
    }

    private static RowCallbackHandler gatherInto(Set<Long> found) {
        return rs -> {
            for (Long id : (Long[]) rs.getArray(1).getArray()) {
                found.add(id);
            }
        };
    }

    /** {@link #candidates} for many keys (a large load), through a temporary table of them. */
    Set<Long> candidatesThroughTable(SearchedKeys keys, Collection<Long> victims) {
        Set<Long> found = new HashSet<>(victims);
        jdbc.sql("create temporary table candidate_key (key_hash bigint primary key, cap integer) on commit drop")
                .update();
        try (IdRowsCopy copy = idRowsCopy("copy candidate_key (key_hash, cap) from stdin with (format binary)")) {
            keys.forEach((key, room) -> {
                // the stored records a block may still hold besides the new ones; a block already full makes no pairs
                if (room > 0) {
                    copy.row(key, room);
                }
            });
        }
        jdbc.sql("analyze candidate_key").update();
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("""
                select b.victims from persons.block b join candidate_key k on k.key_hash = b.key_hash
                 where cardinality(b.victims) <= k.cap
                """).query(gatherInto(found));
        jdbc.sql("drop table candidate_key").update();
        return found;
    }

    /** {@link #candidatesThroughTable(SearchedKeys, Collection)} of keys with caps and new holders as maps. */
    Set<Long> candidatesThroughTable(Map<Long, Integer> keyCaps, Map<Long, Integer> newHolders,
            Collection<Long> victims) {
        return candidatesThroughTable(SearchedKeys.of(keyCaps, newHolders), victims);
    }

    /** {@link #candidatesReadingEveryKey(SearchedKeys, Collection)} of keys with caps and new holders as maps. */
    Set<Long> candidatesReadingEveryKey(Map<Long, Integer> keyCaps, Map<Long, Integer> newHolders,
            Collection<Long> victims) {
        return candidatesReadingEveryKey(SearchedKeys.of(keyCaps, newHolders), victims);
    }

    /**
     * Whether any link, open pair or decision is held, in one statement. Asked once a run, under its lock, before it
     * writes: only runs and decisions, which take the lock, write them, so the answers hold for the run's searches
     * ({@link #linkedOrQueued}, {@link #relatives}, {@link #decisions}) and its writes ({@link #replaceLinks},
     * {@link #queue}). A first load's run finds none: each search of its 100,000 records is skipped.
     */
    Held held() {
        return jdbc.sql("""
                select exists (select 1 from persons.person_link),
                       exists (select 1 from persons.candidate_pair where status = 'OPEN'),
                       exists (select 1 from persons.pair_decision)
                """).query((rs, n) -> new Held(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    /** Whether any link, open pair and decision was held when a run began ({@link #held}). */
    record Held(boolean links, boolean openPairs, boolean decisions) {

        /** None of the three: the run's records can be linked or queued with nothing, decided about with nothing. */
        boolean none() {
            return !links && !openPairs && !decisions;
        }
    }

    /** The pairs among these records that are linked or queued (open) now; none when {@code held} holds none. */
    List<VictimPair> linkedOrQueued(Scope victims, Held held) {
        // none at all before a first load's run (its 100,000 records joined to the empty tables took 0.1 s at load 8)
        if (!held.links() && !held.openPairs()) {
            return List.of();
        }
        return victims.bind(jdbc.sql("""
                select victim_a, victim_b from persons.person_link where %1$s and %2$s
                union
                select victim_a, victim_b from persons.candidate_pair where status = 'OPEN' and %1$s and %2$s
                """.formatted(victims.holds("victim_a"), victims.holds("victim_b"))))
                .query((rs, n) -> new VictimPair(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * Every record resolved and its person, when they are at most {@code most} (a first load after a small office's
     * finds a few, or none); else null. A run's records searched among so few are looked up in memory: no table of
     * its 100,000 ids copied, analysed and joined for it.
     */
    Map<Long, Long> everyResolvedUpTo(int most) {
        Map<Long, Long> persons = new HashMap<>();
        jdbc.sql("select victim_id, person_id from persons.victim_person limit ?").param(most + 1).query(rs -> {
            persons.put(rs.getLong(1), rs.getLong(2));
        });
        return persons.size() > most ? null : persons;
    }

    /** The records of the persons these records are, and the records decided about with them ({@code held}'s). */
    Set<Long> relatives(Scope victims, Held held) {
        Set<Long> relatives = new HashSet<>(victims.bind(jdbc.sql("""
                select mate.victim_id
                  from persons.victim_person mine
                  join persons.victim_person mate on mate.person_id = mine.person_id
                 where %s
                """.formatted(victims.holds("mine.victim_id")))).query(Long.class).list());
        if (!held.decisions()) {
            return relatives;
        }
        relatives.addAll(victims.bind(jdbc.sql("""
                select case when %1$s then victim_b else victim_a end
                  from persons.pair_decision where %1$s or %2$s
                """.formatted(victims.holds("victim_a"), victims.holds("victim_b")))).query(Long.class).list());
        return relatives;
    }

    /** The latest decision on each pair of these records (of every pair when scope is null), if {@code held} any. */
    Map<VictimPair, Decision> decisions(Scope scope, Held held) {
        Map<VictimPair, Decision> decisions = new HashMap<>();
        // none before the first decision (a first load's 100,000 records hashed to be joined to no row: 0.04-0.05 s)
        if (!held.decisions()) {
            return decisions;
        }
        String sql = """
                select distinct on (victim_a, victim_b) victim_a, victim_b, decision
                  from persons.pair_decision
                """ + (scope == null ? "" : " where " + scope.holds("victim_a") + " and " + scope.holds("victim_b"))
                + " order by victim_a, victim_b, id desc";
        var statement = jdbc.sql(sql);
        if (scope != null) {
            statement = scope.bind(statement);
        }
        statement.query(rs -> {
            decisions.put(new VictimPair(rs.getLong(1), rs.getLong(2)), Decision.valueOf(rs.getString(3)));
        });
        return decisions;
    }

    /** Whether {@code query} gives any row (read as {@code exists}: the first row only). */
    private boolean holdsAny(String query) {
        return jdbc.sql("select exists (" + query + ")").query(Boolean.class).single();
    }

    /** The person each of these records was (of every record when scope is null). */
    Map<Long, Long> formerPersons(Scope scope) {
        Map<Long, Long> persons = new HashMap<>();
        var statement = scope == null
                ? jdbc.sql("select victim_id, person_id from persons.victim_person")
                : scope.bind(jdbc.sql("select victim_id, person_id from persons.victim_person where "
                        + scope.holds("victim_id")));
        statement.query(rs -> {
            persons.put(rs.getLong(1), rs.getLong(2));
        });
        return persons;
    }

    /**
     * New persons, one for each record given (the first record of each, its lowest id), each numbered by her record
     * when no person holds that number yet: a report read ahead of the run then names its person already
     * ({@code ReportsAhead} in the reporting), unless the record joined another's. A number held (by a person of the
     * identity's sequence, or one numbered by a record that is now another's) is drawn from the sequence instead,
     * set past every person and every record given first. Returns the ids in the order of {@code firstRecords}.
     */
    long[] newPersons(long[] firstRecords) {
        int count = firstRecords.length;
        if (count == 0) {
            return new long[0];
        }
        long[] ids = firstRecords.clone();
        long highest = Arrays.stream(ids).max().getAsLong();
        // the numbers held already, looked up a slice at a time: only those come back (a first load's range of a
        // million records holds few persons, a run over every record's nearly all of its range)
        Set<Long> held = new HashSet<>();
        for (int from = 0; from < count; from += HELD_LOOKUP) {
            Long[] slice = Arrays.stream(ids, from, Math.min(count, from + HELD_LOOKUP)).boxed().toArray(Long[]::new);
            held.addAll(jdbc.sql("select id from persons.person where id = any(?)").param(slice).query(Long.class)
                    .list());
        }
        int drawn = (int) Arrays.stream(ids).filter(held::contains).count();
        if (drawn > 0) {
            long last = jdbc.sql("""
                    select setval(s, greatest((select coalesce(max(id), 0) from persons.person), ?) + ?)
                      from (select pg_get_serial_sequence('persons.person', 'id') s) q
                    """).param(highest).param(drawn).query(Long.class).single();
            long next = last - drawn + 1;
            for (int i = 0; i < count; i++) {
                if (held.contains(ids[i])) {
                    ids[i] = next++;
                }
            }
        }
        if (count >= manyRecords) {
            copyNewPersons(ids);
        } else {
            jdbc.sql("insert into persons.person (id) overriding system value select unnest(?::bigint[])")
                    .param(Arrays.stream(ids).boxed().toArray(Long[]::new)).update();
        }
        return ids;
    }

    /**
     * {@link #newPersons} of many (a first load's 100,000): the rows copied in PostgreSQL's binary format (an insert
     * of that many rows returning their ids took 0.4 s and more quietly, 1.3 s under load; a {@code nextval} per row,
     * 2.7 s under load). COPY writes the ids given into the identity column, as an insert overriding it would.
     */
    private void copyNewPersons(long[] ids) {
        // into a table holding few persons against these (a first load's): its key, its other indexes and the foreign
        // keys on it set aside and built once after, over the few and these: each row copied was put into the key and
        // queued a check of its (null) merged_into; with them the copy took 0.35-0.49 s, without 0.09-0.14 s, the key
        // and the index built after 0.10-0.17 s (persons16)
        List<String> setAside = rowsHeld("persons.person") <= ids.length / FEW ? setPersonKeysAside() : List.of();
        try (IdRowsCopy copy = idRowsCopy("copy persons.person (id) from stdin with (format binary)")) {
            for (long id : ids) {
                copy.row(id);
            }
        }
        setAside.forEach(statement -> jdbc.sql(statement).update());
    }

    /**
     * Drops {@code persons.person}'s primary key with the foreign keys that reference it (its own on
     * {@code merged_into}, {@code victim_person}'s, {@code person_event}'s) and its other indexes; returns the
     * statements that build them again, as the catalogue defines them, the key first. Only under the run's lock
     * ({@link #lock}), the table held exclusively until the run ends.
     */
    private List<String> setPersonKeysAside() {
        // each as [the statement that drops it, the one that builds it again]
        List<List<String>> key = jdbc.sql("""
                select format('alter table persons.person drop constraint %I', conname),
                       format('alter table persons.person add constraint %I %s', conname, pg_get_constraintdef(oid))
                  from pg_constraint where conrelid = 'persons.person'::regclass and contype = 'p'
                """).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list();
        List<List<String>> indexes = jdbc.sql("""
                select format('drop index %s', indexrelid::regclass), pg_get_indexdef(indexrelid) from pg_index
                 where indrelid = 'persons.person'::regclass and not indisprimary order by indexrelid
                """).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list();
        List<List<String>> foreign = jdbc.sql("""
                select format('alter table %s drop constraint %I', conrelid::regclass, conname),
                       format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                  from pg_constraint where confrelid = 'persons.person'::regclass and contype = 'f' order by oid
                """).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list();
        // the foreign keys on the key before it (without cascade: anything else depending on the key fails the run)
        List<String> again = new ArrayList<>();
        for (List<List<String>> kind : List.of(foreign, key, indexes)) {
            kind.forEach(statements -> jdbc.sql(statements.get(0)).update());
        }
        for (List<List<String>> kind : List.of(key, indexes, foreign)) {
            kind.forEach(statements -> again.add(statements.get(1)));
        }
        return again;
    }

    /**
     * Records which person each record is, at the version resolved: of these records, or of every record
     * when {@code all} (the table is then written anew, its indexes and foreign keys built once after;
     * a record whose person and version did not change keeps when it was resolved).
     */
    void assign(Map<Long, Long> personOf, Map<Long, Integer> versionOf, boolean all) {
        assign(personOf, versionOf, Map.of(), all);
    }

    /** {@link #assign(Map, Map, boolean)} with each record's linkage hash (null when absent from {@code hashOf}). */
    void assign(Map<Long, Long> personOf, Map<Long, Integer> versionOf, Map<Long, Long> hashOf, boolean all) {
        long[] victims = personOf.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] persons = new long[victims.length];
        int[] versions = new int[victims.length];
        long[] hashes = new long[victims.length];
        boolean[] hashed = new boolean[victims.length];
        for (int i = 0; i < victims.length; i++) {
            persons[i] = personOf.get(victims[i]);
            versions[i] = versionOf.get(victims[i]);
            Long hash = hashOf.get(victims[i]);
            hashed[i] = hash != null;
            hashes[i] = hash == null ? 0 : hash;
        }
        assign(victims, persons, versions, hashes, hashed, all);
    }

    /**
     * {@link #assign(Map, Map, boolean)} of the records {@code victims} with, at the same places, their persons,
     * versions and linkage hashes (each record has one).
     */
    void assign(long[] victims, long[] persons, int[] versions, long[] hashes, boolean all) {
        assign(victims, persons, versions, hashes, null, all);
    }

    /** {@link #assign(long[], long[], int[], long[], boolean)}, a record's hash null where {@code hashed} is false. */
    private void assign(long[] victims, long[] persons, int[] versions, long[] hashes, boolean[] hashed, boolean all) {
        if (!all && victims.length >= manyRecords) {
            boolean holds = holdsPersons();
            if (rowsHeld("persons.victim_person") <= victims.length / FEW || !holds) {
                assignIntoEmpty(victims, persons, versions, hashes, hashed, holds);
                return;
            }
        }
        assign(copy -> {
            for (int i = 0; i < victims.length; i++) {
                copy.row(Long.toString(victims[i]), Long.toString(persons[i]), Integer.toString(versions[i]),
                        hashed != null && !hashed[i] ? null : Long.toString(hashes[i]));
            }
        }, all);
    }

    /**
     * {@link #assign(Map, Map, boolean)} of rows (victim, person, version, linkage hash or null) written by
     * {@code rows}.
     */
    void assign(Consumer<Copy> rows, boolean all) {
        jdbc.sql("""
                create temporary table resolved_person (victim_id bigint, person_id bigint, victim_version integer,
                       linkage_hash bigint) on commit drop
                """).update();
        long resolved;
        try (Copy copy = copy("copy resolved_person (victim_id, person_id, victim_version, linkage_hash) from stdin")) {
            rows.accept(copy);
            resolved = copy.rows();
        }
        if (all) {
            assignAll();
        } else if (resolved >= manyRecords && resolved * 4 >= rowsHeld("persons.victim_person")) {
            assignMany();
        } else {
            jdbc.sql("""
                    insert into persons.victim_person (victim_id, person_id, victim_version, linkage_hash)
                    select victim_id, person_id, victim_version, linkage_hash from resolved_person
                    on conflict (victim_id) do update
                       set person_id = excluded.person_id, victim_version = excluded.victim_version,
                           linkage_hash = excluded.linkage_hash,
                           resolved_at = case when (victim_person.person_id, victim_person.victim_version)
                                                   = (excluded.person_id, excluded.victim_version)
                                              then victim_person.resolved_at else now() end
                     where (victim_person.person_id, victim_person.victim_version, victim_person.linkage_hash)
                           is distinct from (excluded.person_id, excluded.victim_version, excluded.linkage_hash)
                    """).update();
        }
        jdbc.sql("drop table resolved_person").update();
    }

    /** Whether any record is resolved into a person (none before a first load is resolved). */
    private boolean holdsPersons() {
        return jdbc.sql("select exists (select 1 from persons.victim_person)").query(Boolean.class).single();
    }

    /**
     * The rows of a run's many records into the empty {@code persons.victim_person} (a first load): copied in
     * PostgreSQL's binary format straight into the table, emptied in this transaction so that they go in frozen,
     * in the order of its key, which is built with its index and foreign keys once after. Before, the rows went
     * as text into a temporary table, from it into a second one joined with the (empty) table, and from that
     * into the table: three writes of 100,000 rows where one does.
     */
    private void assignIntoEmpty(long[] victims, long[] persons, int[] versions, long[] hashes, boolean[] hashed,
            boolean few) {
        // a table holding a few rows (a small office's, before a first load's many): those set aside and put back after
        if (few) {
            jdbc.sql("create temporary table kept_victim_person on commit drop as select * from persons.victim_person")
                    .update();
            jdbc.sql("analyze kept_victim_person").update();
        }
        jdbc.sql("truncate persons.victim_person").update();
        setVictimPersonKeysAside();
        // in the order of the table's key
        int[] order = orderOf(victims);
        try (IdRowsCopy copy = new IdRowsCopy(DataSourceUtils.getConnection(dataSource), dataSource,
                "copy persons.victim_person (victim_id, person_id, victim_version, linkage_hash)"
                        + " from stdin with (format binary, freeze)")) {
            for (int k = 0; k < victims.length; k++) {
                int i = order == null ? k : order[k];
                copy.row(victims[i], persons[i], versions[i], hashed != null && !hashed[i] ? null : hashes[i]);
            }
        }
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        if (few) {
            jdbc.sql("alter table persons.victim_person add constraint victim_person_pkey primary key (victim_id)").update();
            // a row this run wrote wins; one whose person and version it kept keeps when it was resolved, as in the upsert
            jdbc.sql("""
                    update persons.victim_person v set resolved_at = k.resolved_at from kept_victim_person k
                     where k.victim_id = v.victim_id and (k.person_id, k.victim_version) = (v.person_id, v.victim_version)
                    """).update();
            jdbc.sql("insert into persons.victim_person select * from kept_victim_person on conflict (victim_id) do nothing")
                    .update();
            jdbc.sql("drop table kept_victim_person").update();
            restoreVictimPersonKeysButKey();
        } else {
            restoreVictimPersonKeys();
        }
        jdbc.sql("analyze persons.victim_person").update();
    }

    /** The places of {@code victims} in ascending order of id; null when they are in it already. */
    private static int[] orderOf(long[] victims) {
        boolean ordered = true;
        for (int i = 1; i < victims.length && ordered; i++) {
            ordered = victims[i - 1] < victims[i];
        }
        if (ordered) {
            return null;
        }
        Integer[] order = new Integer[victims.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> victims[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code persons.victim_person} written anew from {@code resolved_person}: a million rows inserted
     * one by one into a table with its key, index and two foreign keys took most of a run's store; into
     * the bare table and checked once after, a fraction.
     */
    private void assignAll() {
        keepResolvedPersons();
        jdbc.sql("truncate persons.victim_person").update();
        setVictimPersonKeysAside();
        jdbc.sql("""
                insert into persons.victim_person (victim_id, person_id, victim_version, resolved_at, linkage_hash)
                select victim_id, person_id, victim_version, resolved_at, linkage_hash from kept_person
                """).update();
        restoreVictimPersonKeys();
        jdbc.sql("drop table kept_person").update();
    }

    /**
     * The rows of {@code resolved_person} written into {@code persons.victim_person} when they are many
     * against what it holds (a first load): 100,000 rows upserted one by one, each checked against two
     * foreign keys (a row lock on its record and on its person) and kept in two indexes, took 3.7 s of a
     * 100,000-record load; the table's key, index and foreign keys are set aside and built once after,
     * over the whole table, as a run over every record does. A record whose person and version did not
     * change keeps when it was resolved, as in the upsert.
     */
    private void assignMany() {
        keepResolvedPersons();
        setVictimPersonKeysAside();
        jdbc.sql("analyze kept_person").update();
        jdbc.sql("delete from persons.victim_person v where v.victim_id in (select victim_id from kept_person)").update();
        jdbc.sql("""
                insert into persons.victim_person (victim_id, person_id, victim_version, resolved_at, linkage_hash)
                select victim_id, person_id, victim_version, resolved_at, linkage_hash from kept_person
                """).update();
        restoreVictimPersonKeys();
        jdbc.sql("analyze persons.victim_person").update();
        jdbc.sql("drop table kept_person").update();
    }

    /**
     * {@code resolved_person} as {@code kept_person}, each record keeping when it was resolved if its
     * person and version did not change, with memory for the set-based writes that follow.
     */
    private void keepResolvedPersons() {
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        jdbc.sql("""
                create temporary table kept_person on commit drop as
                select r.victim_id, r.person_id, r.victim_version, r.linkage_hash,
                       case when (old.person_id, old.victim_version) = (r.person_id, r.victim_version)
                            then old.resolved_at else now() end as resolved_at
                  from resolved_person r left join persons.victim_person old on old.victim_id = r.victim_id
                """).update();
    }

    /** Drops {@code victim_person}'s key, index and foreign keys, to be built once over the whole table after. */
    private void setVictimPersonKeysAside() {
        jdbc.sql("alter table persons.victim_person drop constraint victim_person_pkey, "
                + "drop constraint victim_person_victim_id_fkey, drop constraint victim_person_person_id_fkey").update();
        jdbc.sql("drop index persons.victim_person_person").update();
    }

    /** Builds again what {@link #setVictimPersonKeysAside} dropped. */
    private void restoreVictimPersonKeys() {
        jdbc.sql("alter table persons.victim_person add constraint victim_person_pkey primary key (victim_id)").update();
        restoreVictimPersonKeysButKey();
    }

    /** {@link #restoreVictimPersonKeys} but its primary key (built already). */
    private void restoreVictimPersonKeysButKey() {
        jdbc.sql("create index victim_person_person on persons.victim_person (person_id)").update();
        jdbc.sql("""
                alter table persons.victim_person
                  add constraint victim_person_victim_id_fkey foreign key (victim_id) references warehouse.victim (id) on delete cascade,
                  add constraint victim_person_person_id_fkey foreign key (person_id) references persons.person (id)
                """).update();
    }

    /** How many rows a table holds, by PostgreSQL's estimate. */
    private long rowsHeld(String table) {
        return jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = ?::regclass").param(table)
                .query(Long.class).single();
    }

    /** {@code absorbed} is {@code survivor} from now on; whatever was merged into it points to the survivor too. */
    void merge(long survivor, long absorbed, long run) {
        jdbc.sql("update persons.person set merged_into = ?, merged_at = now() where id = ?").params(survivor, absorbed).update();
        jdbc.sql("update persons.person set merged_into = ? where merged_into = ?").params(survivor, absorbed).update();
        event("MERGED", survivor, absorbed, run);
    }

    /** Records of {@code former} are now {@code other}'s. */
    void split(long former, long other, long run) {
        event("SPLIT", former, other, run);
    }

    private void event(String kind, long person, long other, long run) {
        jdbc.sql("insert into persons.person_event (kind, person_id, other_person_id, run_id) values (?, ?, ?, ?)")
                .params(kind, person, other, run).update();
    }

    /**
     * Replaces the links of these records (of every record when scope is null: into the emptied table,
     * its key, index and foreign keys built once after).
     */
    void replaceLinks(Scope scope, List<ScoredPair> links, Set<VictimPair> decided, long run, Held held) {
        if (scope == null) {
            jdbc.sql("truncate persons.person_link").update();
            jdbc.sql("alter table persons.person_link drop constraint person_link_pkey, "
                    + "drop constraint person_link_victim_a_fkey, drop constraint person_link_victim_b_fkey, "
                    + "drop constraint person_link_run_id_fkey").update();
            jdbc.sql("drop index persons.person_link_b").update();
        } else if (held.links()) {
            scope.bind(jdbc.sql("delete from persons.person_link where " + scope.holds("victim_a") + " or "
                    + scope.holds("victim_b"))).update();
        }
        copyLinks(links, decided, run, scope == null);
        if (scope == null) {
            jdbc.sql("set local maintenance_work_mem = '256MB'").update();
            jdbc.sql("alter table persons.person_link add constraint person_link_pkey primary key (victim_a, victim_b)").update();
            jdbc.sql("create index person_link_b on persons.person_link (victim_b)").update();
            jdbc.sql("""
                    alter table persons.person_link
                      add constraint person_link_victim_a_fkey foreign key (victim_a) references warehouse.victim (id) on delete cascade,
                      add constraint person_link_victim_b_fkey foreign key (victim_b) references warehouse.victim (id) on delete cascade,
                      add constraint person_link_run_id_fkey foreign key (run_id) references persons.resolution_run (id)
                    """).update();
        }
    }

    /** Deletes the links of the records listed in a temporary table {@code scope_victim (victim_id)}. */
    void deleteLinksInScopeTable() {
        jdbc.sql("""
                delete from persons.person_link l
                 where exists (select 1 from scope_victim s where s.victim_id = l.victim_a)
                    or exists (select 1 from scope_victim s where s.victim_id = l.victim_b)
                """).update();
    }

    /** Adds links ({@code decided}: those a reviewer's decision made). */
    void copyLinks(List<ScoredPair> links, Set<VictimPair> decided, long run, String options) {
        if (!options.isEmpty() && !options.equals(" with (freeze)")) {
            throw new IllegalArgumentException("links are copied with no options or frozen: " + options);
        }
        copyLinks(links, decided, run, !options.isEmpty());
    }

    /** {@link #copyLinks(List, Set, long, String)}, frozen (into a table emptied by this transaction) or not. */
    private void copyLinks(List<ScoredPair> links, Set<VictimPair> decided, long run, boolean frozen) {
        // the explanations written as JSON on every core, then copied in order
        List<String> explained = links.parallelStream().map(link -> json.writeValueAsString(link.comparisons())).toList();
        // in binary: the ids, weights and probabilities neither formatted as text here nor parsed there
        try (IdRowsCopy copy = idRowsCopy("copy persons.person_link (victim_a, victim_b, weight, probability, comparisons,"
                + " decided, run_id) from stdin with (format binary" + (frozen ? ", freeze" : "") + ")")) {
            for (int i = 0; i < links.size(); i++) {
                ScoredPair link = links.get(i);
                copy.row(link.victimA(), link.victimB(), link.weight(), link.probability(), explained.get(i),
                        decided.contains(link.pair()), run);
            }
        }
    }

    /**
     * Queues the pairs for review (again, with their new weights, if queued before) and closes the open
     * pairs of these records that are no longer uncertain: none to close when none was open before ({@code held}).
     */
    void queue(Scope scope, List<ScoredPair> review, long run, Held held) {
        queue(review, run, scope == null ? "" : " and (" + scope.holds("c.victim_a") + " or " + scope.holds("c.victim_b") + ")",
                scope == null ? null : scope.ids(), held.openPairs());
    }

    /** {@link #queue(Scope, List, long, Held)} of the records listed in a temporary table {@code scope_victim (victim_id)}. */
    void queueInScopeTable(List<ScoredPair> review, long run) {
        queue(review, run, """
                 and (exists (select 1 from scope_victim s where s.victim_id = c.victim_a)
                      or exists (select 1 from scope_victim s where s.victim_id = c.victim_b))
                """, null, holdsAny("select 1 from persons.candidate_pair where status = 'OPEN'"));
    }

    // anyOpen: whether any pair was open before the run; when none (a first load's), every pair open after the upsert
    // is one of review_pair, none to close
    private void queue(List<ScoredPair> review, long run, String inScope, Long[] ids, boolean anyOpen) {
        jdbc.sql("""
                create temporary table review_pair (victim_a bigint, victim_b bigint, weight double precision,
                       probability double precision, comparisons jsonb) on commit drop
                """).update();
        // the explanations written as JSON on every core, then copied in order (the server waited on them one by one)
        List<String> explained = review.parallelStream().map(pair -> json.writeValueAsString(pair.comparisons())).toList();
        try (IdRowsCopy copy = idRowsCopy("copy review_pair (victim_a, victim_b, weight, probability, comparisons)"
                + " from stdin with (format binary)")) {
            for (int i = 0; i < review.size(); i++) {
                ScoredPair pair = review.get(i);
                copy.row(pair.victimA(), pair.victimB(), pair.weight(), pair.probability(), explained.get(i));
            }
        }
        jdbc.sql("""
                insert into persons.candidate_pair (victim_a, victim_b, weight, probability, comparisons, run_id)
                select victim_a, victim_b, weight, probability, comparisons, ? from review_pair
                on conflict (victim_a, victim_b) do update
                   set weight = excluded.weight, probability = excluded.probability, comparisons = excluded.comparisons,
                       run_id = excluded.run_id, updated_at = now(),
                       status = case when candidate_pair.status = 'DECIDED' then 'DECIDED' else 'OPEN' end
                """).param(run).update();
        String closing = """
                update persons.candidate_pair c set status = 'CLOSED', updated_at = now(), run_id = :run
                 where c.status = 'OPEN'
                   and not exists (select 1 from review_pair r where r.victim_a = c.victim_a and r.victim_b = c.victim_b)
                """;
        var close = jdbc.sql(closing + inScope).param("run", run);
        if (anyOpen) {
            (ids == null || !inScope.contains(":ids") ? close : close.param("ids", ids)).update();
        }
        jdbc.sql("drop table review_pair").update();
    }

    /** Keeps a decision; the queued pair, if any, is DECIDED. */
    void decide(VictimPair pair, Decision decision, String by, String note) {
        jdbc.sql("""
                insert into persons.pair_decision (victim_a, victim_b, decision, decided_by, note) values (?, ?, ?, ?, ?)
                """).params(pair.a(), pair.b(), decision.name(), by, note).update();
        jdbc.sql("""
                update persons.candidate_pair set status = 'DECIDED', updated_at = now() where victim_a = ? and victim_b = ?
                """).params(pair.a(), pair.b()).update();
    }

    /** Queued pairs of a status (all when null), oldest first. */
    List<StoredPair> pairs(PairStatus status) {
        return jdbc.sql("""
                select id, victim_a, victim_b, weight, probability, comparisons, status, queued_at, updated_at
                  from persons.candidate_pair where (cast(:status as text) is null or status = :status) order by id
                """).param("status", status == null ? null : status.name()).query((rs, n) -> storedPair(rs)).list();
    }

    Optional<StoredPair> storedPair(long id) {
        return jdbc.sql("""
                select id, victim_a, victim_b, weight, probability, comparisons, status, queued_at, updated_at
                  from persons.candidate_pair where id = ?
                """).param(id).query((rs, n) -> storedPair(rs)).optional();
    }

    /** Every decision on a pair, oldest first. */
    List<PairDecision> decisionsOf(VictimPair pair) {
        return jdbc.sql("""
                select decision, decided_by, decided_at, note from persons.pair_decision
                 where victim_a = ? and victim_b = ? order by id
                """).params(pair.a(), pair.b())
                .query((rs, n) -> new PairDecision(Decision.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4))).list();
    }

    private StoredPair storedPair(ResultSet rs) throws SQLException {
        return new StoredPair(rs.getLong("id"), rs.getLong("victim_a"), rs.getLong("victim_b"), rs.getDouble("weight"),
                rs.getDouble("probability"), List.of(json.readValue(rs.getString("comparisons"), ComparisonWeight[].class)),
                PairStatus.valueOf(rs.getString("status")), rs.getObject("queued_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** A queued pair as stored. */
    record StoredPair(long id, long victimA, long victimB, double weight, double probability,
            List<ComparisonWeight> comparisons, PairStatus status, OffsetDateTime queuedAt, OffsetDateTime updatedAt) {
    }

    /**
     * The records statements of an incremental run are about, as those statements take them: an array
     * parameter {@code :ids}, or from {@code gugus.persons.resolution.many-records} (10,000) on a temporary
     * table {@code table} of them (analysed, dropped with the transaction) that they join: a statement given
     * 100,000 ids as an array took 0.2–0.9 s even on an empty table (the planner estimates the array element
     * by element, the executor probes an index per element); joined to an analysed table, a hash join.
     */
    Scope scope(String table, Collection<Long> victims) {
        if (victims.size() < manyRecords) {
            return new Scope(ids(victims), null);
        }
        jdbc.sql("drop table if exists " + table).update();
        jdbc.sql("create temporary table " + table + " (victim_id bigint not null) on commit drop").update();
        // in binary: a first load's 100,000 ids neither formatted as text here nor parsed there
        try (IdRowsCopy copy = new IdRowsCopy(DataSourceUtils.getConnection(dataSource), dataSource,
                "copy " + table + " (victim_id) from stdin with (format binary)")) {
            for (long victim : victims) {
                copy.row(victim);
            }
        }
        jdbc.sql("analyze " + table).update();
        return new Scope(null, table);
    }

    /** Records of an incremental run, an array ({@code ids}) or a temporary table ({@code table}): {@link #scope}. */
    record Scope(Long[] ids, String table) {

        /**
         * A run's records as an array, however many: for a run whose statements on its scope are all skipped (nothing
         * {@link Held}), which would otherwise copy them into a table no statement reads.
         */
        static Scope inMemory(Collection<Long> victims) {
            return new Scope(PersonStore.ids(victims), null);
        }

        /** The condition that {@code column} is one of these records. */
        String holds(String column) {
            return table == null ? column + " = any(:ids)" : column + " in (select victim_id from " + table + ")";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return table == null ? statement.param("ids", ids) : statement;
        }
    }

    private static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    /** A binary COPY on the run's connection ({@link IdRowsCopy}). */
    private IdRowsCopy idRowsCopy(String sql) {
        return new IdRowsCopy(DataSourceUtils.getConnection(dataSource), dataSource, sql);
    }

    Copy copy(String sql) {
        return new Copy(DataSourceUtils.getConnection(dataSource), dataSource, sql);
    }

    /** The model used by incremental runs, as estimated by the last run over every record. */
    record StoredModel(long id, OffsetDateTime estimatedAt, int records, LinkageModel model) {
    }

    /** Rows into PostgreSQL's COPY (text format), written in chunks of about a megabyte. */
    static final class Copy implements AutoCloseable {

        private static final int CHUNK = 1 << 20;

        private final Connection connection;
        private final DataSource dataSource;
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
        private long rows = -1;
        private boolean closed;

        Copy(Connection connection, DataSource dataSource, String sql) {
            this.connection = connection;
            this.dataSource = dataSource;
            try {
                this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException(e);
            }
        }

        void row(String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                escape(values[i]);
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        private void escape(String value) {
            if (value == null) {
                buffer.append("\\N");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }

        /** The rows copied (the copy ended here if it was not). */
        long rows() {
            close();
            return rows;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flush();
                rows = in.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
