package org.gugus.persons;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;
import org.gugus.persons.linkage.BlockScoring;
import org.gugus.persons.linkage.CompactClustering;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.PreparedRecords;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.FirstDeliveryPlaces;
import org.gugus.warehouse.LinkableVictim;
import org.gugus.warehouse.LinkableVictims;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incremental run of a long pending list (a first load of a million records) in bounded memory:
 * the same persons, links and queue as {@link PersonResolution}'s run in memory, with no more than
 * a group of records normalised at a time. (1) Every pending record's block keys are written, a
 * chunk of records at a time; (2) the blocks holding a pending record are gone through in the order
 * of their key hashes, in groups whose records fit a budget ({@code gugus.persons.resolution.group-records}): each group's records are
 * read and normalised, each pair with a pending record scored once ({@link BlockScoring}), and the
 * pairs from the review probability up kept in a temporary table as ids, weight and probability;
 * (3) the records are clustered from those pairs read back heaviest first, each record held as its
 * id, NIK, sex and version in arrays ({@link CompactClustering}); the links and the queued pairs are
 * explained again as they are written. Runs in the caller's transaction; its temporary tables go
 * with it.
 */
final class BoundedResolution {

    /** Pending records read, keyed and written this many at a time. */
    static final int READ_CHUNK = 4_096;
    /** Blocks read from their temporary table this many at a time. */
    private static final int BLOCK_PAGE = 2_000;
    /** Links and queued pairs explained and written this many at a time. */
    private static final int WRITE_CHUNK = 8_192;

    private final LinkableVictims victims;
    private final PersonStore store;
    private final Linkage linkage;
    private final JdbcClient jdbc;
    private final String salt;
    /** A group of blocks is scored once its records reach this many (read and normalised together). */
    private final int groupRecords;
    /** The run's keys being written beside it (into a store that held none or few), put in place at its end; or null. */
    private BoundedKeysAside keysAside;
    /** The blocks that pair when grouped here ({@link PairingBlocks}), or null: they are then in {@code bounded_block}. */
    private PairingBlocks grouped;
    /** The hashes of the blocks that pair, ascending, when grouped here; or null. */
    private long[] pairingHashes;
    /** The run's records, once read: copied into {@code bounded_pending} by the first statement that needs them. */
    private PreparedRecords pending;
    private boolean pendingCopied;
    /** The records the pairs kept hold that the run does not; set once the run's records are read. */
    private PairedOthers pairedOthers;
    /** A first load's rows prepared ahead of its publish's commit, or null; let go once the records are read. */
    private RecordsKeptAhead ahead;
    /** How many records were taken from {@link #ahead}, and how many read whole beside them (-1: none taken). */
    private int takenAhead;
    private int readWhole = -1;
    /** Whether the records were taken from {@link #ahead} by their places (the publish vouched for the rows read). */
    private boolean byPlaces;
    /** Whether the rows kept ahead were adopted whole as the run's records ({@link RecordsKeptAhead#handOver}). */
    private boolean adopted;
    private final FirstDeliveryPlaces firstDeliveries;

    BoundedResolution(LinkableVictims victims, FirstDeliveryPlaces firstDeliveries, PersonStore store, Linkage linkage,
            JdbcClient jdbc, String salt, int groupRecords) {
        this.groupRecords = groupRecords;
        this.victims = victims;
        this.firstDeliveries = firstDeliveries;
        this.store = store;
        this.linkage = linkage;
        this.jdbc = jdbc;
        this.salt = salt;
    }

    /** How many records the run took as prepared ahead (for tests). */
    int takenAhead() {
        return takenAhead;
    }

    /** How many records the run read whole beside those it took as prepared ahead; -1 when it took none (for tests). */
    int readWhole() {
        return readWhole;
    }

    /** Whether the run took its records prepared ahead by their places rather than their digests (for tests). */
    boolean byPlaces() {
        return byPlaces;
    }

    /** Whether the run adopted the rows kept ahead whole as its records, no record's bytes copied (for tests). */
    boolean adopted() {
        return adopted;
    }

    /**
     * Resolves every pending record; {@code run} is the run started for it, {@code ahead} a first load's rows prepared
     * ahead of its publish's commit (or null): the records whose linkage values' digest a row of it holds are taken
     * from it, the others read whole and prepared here.
     */
    ResolutionSummary resolve(long run, LinkageModel model, PersonResolution.Phases phases, RecordsKeptAhead ahead) {
        this.ahead = ahead;
        try (PreparedRecords held = linkage.preparedRecords()) {
            return resolve(run, model, phases, held);
        } finally {
            if (grouped != null) {
                grouped.close();
            }
        }
    }

    private ResolutionSummary resolve(long run, LinkageModel model, PersonResolution.Phases phases,
            PreparedRecords held) {
        LinkageSettings settings = linkage.settings();
        Members members = writeKeys(held, phases);
        phases.done("block keys of " + members.size + " pending records");
        BlockScoring scoring = linkage.blockScoring(model, BlockKeys.hashing(salt), pairingHashes != null ? pairingHashes
                : ids("select key_hash from bounded_block order by key_hash"), held);
        pairedOthers = new PairedOthers(held);
        long scored = scoreBlocks(scoring, held);
        phases.done("blocks scored (" + scored + " pairs kept)");

        Map<VictimPair, Decision> decisions = scopeAndRelatives(members);
        rescoreInScope(scoring, decisions, members);
        phases.done("persons involved");

        CompactClustering clustering = new CompactClustering(Arrays.copyOf(members.ids, members.size), settings);
        for (int i = 0; i < members.size; i++) {
            clustering.member(i, members.niks[i], members.sexes[i]);
        }
        clustering.decisions(decisions);
        jdbc.sql("select victim_a, victim_b, probability, names_disagree from bounded_pair"
                + " order by weight desc, victim_a, victim_b").withFetchSize(10_000).query(rs -> {
                    long a = rs.getLong(1);
                    long b = rs.getLong(2);
                    if (!decisions.containsKey(new VictimPair(a, b))) {
                        clustering.offer(a, b, rs.getDouble(3), rs.getBoolean(4));
                    }
                });
        List<VictimPair> review = new ArrayList<>();
        int[] uncertain = {0};
        jdbc.sql("select victim_a, victim_b from bounded_pair where probability >= ? order by weight desc, victim_a, victim_b")
                .param(settings.reviewProbability()).withFetchSize(10_000).query(rs -> {
                    long a = rs.getLong(1);
                    long b = rs.getLong(2);
                    VictimPair pair = new VictimPair(a, b);
                    if (!decisions.containsKey(pair) && clustering.indexOf(a) >= 0 && clustering.indexOf(b) >= 0
                            && !clustering.samePerson(a, b)) {
                        uncertain[0]++;
                        if (review.size() < settings.maxReviewPairs()) {
                            review.add(pair);
                        }
                    }
                });
        phases.done("cluster");

        int persons = storePersons(clustering, members, run);
        phases.done("store persons");
        int links = storeLinks(scoring, clustering, decisions, run);
        phases.done("store links");
        review.sort(Comparator.comparingLong(VictimPair::a).thenComparingLong(VictimPair::b));
        store.queueInScopeTable(explain(scoring, review), run);
        if (keysAside != null) {
            keysAside.putInPlace();
        }
        return new ResolutionSummary(false, members.size, persons, links, review.size(), uncertain[0] - review.size(), 0,
                0);
    }

    /**
     * (1) The pending records' keys written, and each record as clustering needs it. The records are read in one
     * pass (the warehouse's join of the pending list), each chunk normalised on every core and kept with its keys
     * ({@link PreparedRecords}); read by id a chunk at a time, each read hashed the whole of the cases (a million
     * records' store: 500,000 cases, 245 times).
     */
    private Members writeKeys(PreparedRecords held, PersonResolution.Phases phases) {
        store.withMemoryForManyRecords();
        store.analysePendingList();
        long listed = store.pendingListed();
        Members members = new Members(Math.toIntExact(Math.min(Integer.MAX_VALUE / 2, listed)));
        ToLongFunction<String> hashing = BlockKeys.hashing(salt);
        // a store holding few keys against the list (the run's keys will go aside): the run's keys spread over the
        // blocks' ranges as each chunk is kept, rather than read back from the records' file once all are (a pass over
        // a million records' bytes on the run's thread while the cores idled)
        PairingBlocks feeding = store.keyedRecords() > listed / PersonStore.FEW ? null : new PairingBlocks(listed * 8);
        grouped = feeding;
        try (PreparingAlongside preparing = new PreparingAlongside(held, hashing, feeding == null ? null
                : feeding::runKeys)) {
            if (ahead == null || !takeAhead(members, held, hashing, feeding == null ? null : feeding::runKeys)) {
                victims.forEachUnresolved(record -> {
                    members.add(record);
                    preparing.add(PersonResolution.report(record));
                });
            }
            preparing.finish();
        }
        if (ahead != null) {
            ahead.close(); // its rows taken: their file and digests let go before the scoring
            ahead = null;
        }
        phases.done("pending records read and prepared" + (readWhole < 0 ? ""
                : " (" + takenAhead + " prepared ahead, " + readWhole + " read whole, by their "
                + (byPlaces ? "places" + (adopted ? ", adopted whole)" : ")") : "digests)")));
        // a store holding no key yet or few against the run's (a first load, after a small office's): the run's keys
        // written beside the run, the few stored ones added to them at its end
        BoundedKeysAside aside = store.keyedRecords() > held.size() / PersonStore.FEW ? null
                : store.boundedKeysAside(held);
        pending = held;
        if (aside != null) {
            // their keys as stored before (a changed record's): its keys as they are now are written aside; none when the
            // store holds no key (a first load's)
            if (store.holdsBlockKeys()) {
                copyPending();
                store.forgetBlockKeysOf("bounded_pending");
            }
            groupBlocksHere(held, feeding);
            if (aside.takeBack()) {
                // no connection was free for the keys: the run writes them itself
                copyRunKeys(held);
                addKeys(false);
                jdbc.sql("drop table bounded_key").update();
                aside = null;
            }
        } else {
            if (feeding != null) {
                // the keys the store holds were estimated few before the records were read, and are not now
                feeding.close();
                grouped = null;
            }
            copyRunKeys(held);
            addKeys(true);
            jdbc.sql("set local work_mem = '64MB'").update();
            // the blocks that pair: at least two records, no more than the cap (the smallest of the rules' that make
            // the key)
            jdbc.sql("""
                    create temporary table bounded_block on commit drop as
                    select b.key_hash, array(select v from unnest(b.victims) v order by v) members
                      from persons.block b
                      join (select key_hash, min(cap) cap from bounded_key group by key_hash) k on k.key_hash = b.key_hash
                     where cardinality(b.victims) between 2 and k.cap
                    """).update();
            jdbc.sql("drop table bounded_key").update();
            jdbc.sql("create unique index on bounded_block (key_hash)").update();
            jdbc.sql("analyze bounded_block").update();
        }
        keysAside = aside;
        return members;
    }

    /**
     * The pending records taken from the rows prepared ahead ({@link #ahead}) by their places among the rows read, where
     * the publish vouched for the rows read ({@link RowsReadAhead#placed}: ids and versions only, no value read), else
     * by the digest of their linkage values
     * ({@link LinkableVictims#forEachUnresolvedLinkageDigest}: ids, versions and digests, one statement), in id order,
     * a chunk at a time; a record whose digest no row holds (a row the publish did not take, a value published
     * otherwise, another office's record) read whole by id and prepared here. False, with nothing kept, when the
     * digests cannot be read (a server refusing MD5) or half the records or more would be read whole: the caller then
     * reads and prepares every record.
     */
    private boolean takeAhead(Members members, PreparedRecords held, ToLongFunction<String> hashing,
            Linkage.NewKeys keys) {
        Matched placed = new Matched();
        // by their places, when the publish vouched for the rows read: neither digests nor look-ups
        boolean vouched = ahead.read() != null && ahead.read().placed(firstDeliveries,
                (id, version, place) -> placed.add(id, version, place < 0 ? -1 : ahead.atPlace(place)));
        Matched matched = vouched ? placed : byDigests();
        boolean taken = matched != null && (vouched && adopt(matched, members, held, keys)
                || take(matched, members, held, hashing, keys));
        byPlaces = taken && vouched;
        return taken;
    }

    /**
     * The rows kept ahead adopted whole as the run's records ({@link RecordsKeptAhead#handOver}): when every pending
     * record is the file's, each taken at its own place, and the rows were kept one for each place in the places' order
     * (the file's rows streamed in their order, none of equal values). No record's bytes copied or read one by one: the
     * keys given once, in one pass over the file. False, with nothing kept, otherwise.
     */
    private boolean adopt(Matched matched, Members members, PreparedRecords held, Linkage.NewKeys keys) {
        if (!ahead.inPlaceOrder() || matched.size != ahead.size()) {
            return false;
        }
        for (int k = 0; k < matched.size; k++) {
            if (matched.rows[k] != k) {
                return false;
            }
        }
        long[] ids = Arrays.copyOf(matched.ids, matched.size);
        for (int k = 0; k < ids.length; k++) {
            members.add(ids[k], ahead.validNik(k), ahead.sex(k), matched.versions[k]);
        }
        ahead.handOver(held, ids);
        if (keys != null) {
            held.forEachKeys(keys);
        }
        takenAhead += ids.length;
        adopted = true;
        readWhole++; // from -1: none
        return true;
    }

    /** The pending records matched to the rows kept ahead by their digests; null when the server refused them. */
    private Matched byDigests() {
        Matched matched = new Matched();
        jdbc.sql("savepoint bounded_ahead").update();
        try {
            victims.forEachUnresolvedLinkageDigest((id, version, digest) -> matched.add(id, version, ahead.find(digest)));
            jdbc.sql("release savepoint bounded_ahead").update();
        } catch (DataAccessException e) {
            // the statement only (md5 refused): the run goes on reading its records whole
            jdbc.sql("rollback to savepoint bounded_ahead").update();
            return null;
        }
        return matched;
    }

    /** The matched records taken from the rows kept ahead, the others read whole by id, a chunk at a time. */
    private boolean take(Matched matched, Members members, PreparedRecords held, ToLongFunction<String> hashing,
            Linkage.NewKeys keys) {
        if (matched.size == 0 || matched.unmatched() * 2L >= matched.size) {
            return false;
        }
        long[] ids = matched.ids;
        int[] versions = matched.versions;
        int[] rows = matched.rows;
        for (int from = 0; from < matched.size; from += READ_CHUNK) {
            int to = Math.min(matched.size, from + READ_CHUNK);
            List<Long> toRead = new ArrayList<>();
            for (int k = from; k < to; k++) {
                if (rows[k] < 0) {
                    toRead.add(ids[k]);
                }
            }
            Map<Long, LinkableVictim> read = new HashMap<>();
            victims.byIds(toRead).forEach(record -> read.put(record.id(), record));
            long[] chunkIds = new long[to - from];
            List<byte[]> prepared = new ArrayList<>(to - from);
            List<VictimReport> reports = new ArrayList<>(toRead.size());
            List<Integer> places = new ArrayList<>(toRead.size());
            int kept = 0;
            for (int k = from; k < to; k++) {
                int row = rows[k];
                if (row >= 0) {
                    members.add(ids[k], ahead.validNik(row), ahead.sex(row), versions[k]);
                    prepared.add(ahead.bytes(row));
                } else {
                    LinkableVictim record = read.get(ids[k]);
                    if (record == null) {
                        continue; // deleted since: no longer pending
                    }
                    members.add(record);
                    reports.add(PersonResolution.report(record));
                    places.add(kept);
                    prepared.add(null);
                }
                chunkIds[kept++] = ids[k];
            }
            List<byte[]> made = reports.parallelStream().map(report -> PreparedRecords.bytes(linkage, report, hashing))
                    .toList();
            for (int i = 0; i < made.size(); i++) {
                prepared.set(places.get(i), made.get(i));
            }
            held.addPrepared(Arrays.copyOf(chunkIds, kept), prepared, keys);
            takenAhead += kept - made.size();
            readWhole += made.size();
        }
        readWhole++; // from -1
        return true;
    }

    /**
     * The run's keys into {@code bounded_key}, in binary: 7 million at a million records, neither formatted as text here
     * nor parsed there.
     */
    private void copyRunKeys(PreparedRecords held) {
        jdbc.sql("create temporary table bounded_key (key_hash bigint, victim_id bigint, cap integer) on commit drop").update();
        try (IdRowsCopy copy = store.binaryCopy("copy bounded_key (key_hash, victim_id, cap) from stdin with (format binary)")) {
            held.forEachKeys((id, hashes, caps) -> {
                for (int k = 0; k < hashes.length; k++) {
                    copy.row(hashes[k], id, caps[k]);
                }
            });
        }
    }

    /**
     * The blocks that pair grouped here from the run's keys and the store's few ({@link PairingBlocks}), kept for the
     * scoring in the order it reads them. The server grouped them from the run's keys copied into a temporary table
     * first (at a million records 7 million keys sorted on the run's connection, while the keys written aside took
     * the other core), and the scoring read them back in pages, each record's id boxed.
     */
    private void groupBlocksHere(PreparedRecords held, PairingBlocks fed) {
        PairingBlocks blocks = fed != null ? fed : new PairingBlocks(held.size() * 8L);
        grouped = blocks;
        if (fed == null) {
            held.forEachKeys(blocks::runKeys);
        }
        jdbc.sql("select key_hash, victims from persons.block").withFetchSize(10_000)
                .query((RowCallbackHandler) rs -> {
                    long key = rs.getLong(1);
                    for (long victim : PersonStore.longs(rs.getArray(2))) {
                        blocks.storedKey(key, victim);
                    }
                });
        pairingHashes = blocks.group(held::id);
        // each held record's keys that pair marked once here, not looked up among the blocks' hashes each time the
        // scoring reads it (once for each group of blocks holding it: a fifth of a million-record run's scoring)
        int[] validKeys = blocks.validKeys();
        if (validKeys != null) {
            held.keepValidKeys(validKeys);
        }
    }

    /**
     * The run's keys ({@code bounded_key}) into {@code persons.victim_block} and {@code persons.block}, their primary
     * keys built again after when they held none; first the keys stored before for the run's records
     * ({@code deleteFirst}: a changed record's), its keys as they are now going in.
     */
    private void addKeys(boolean deleteFirst) {
        if (deleteFirst) {
            copyPending();
            store.forgetBlockKeysOf("bounded_pending");
        }
        jdbc.sql("""
                create temporary table bounded_victim_block on commit drop as
                select victim_id, array_agg(key_hash order by key_hash) keys from bounded_key group by victim_id
                """).update();
        if (store.holdsBlockKeys()) {
            store.mergeBlockKeys("bounded_victim_block");
        } else {
            // into empty tables: the rows in, the primary keys built once after
            store.dropBlockKeyIndexes();
            jdbc.sql("insert into persons.victim_block (victim_id, keys)"
                    + " select victim_id, keys from bounded_victim_block").update();
            PersonStore.groupBlocks(jdbc, "bounded_victim_block", "persons.block");
            store.buildBlockKeyIndexes();
        }
        jdbc.sql("drop table bounded_victim_block").update();
    }

    /** (2) The blocks gone through in groups, each pair with a pending record scored once; returns the pairs kept. */
    private long scoreBlocks(BlockScoring scoring, PreparedRecords held) {
        jdbc.sql("""
                create temporary table bounded_pair (victim_a bigint, victim_b bigint, weight double precision,
                       probability double precision, names_disagree boolean) on commit drop
                """).update();
        List<BlockScoring.Block> group = new ArrayList<>();
        Set<Long> records = new HashSet<>();
        long kept = 0;
        Long last = null;
        try (ScoringAlongside alongside = new ScoringAlongside(scoring)) {
            while (true) {
                List<BlockScoring.Block> page = nextBlocks(last);
                for (BlockScoring.Block block : page) {
                    group.add(block);
                    for (long id : block.members()) {
                        records.add(id);
                    }
                    if (records.size() >= groupRecords) {
                        kept += scoreGroup(alongside, held, group, records);
                    }
                }
                if (page.size() < BLOCK_PAGE) {
                    break;
                }
                last = page.get(page.size() - 1).keyHash();
            }
            kept += scoreGroup(alongside, held, group, records);
            kept += spillScored(alongside.finish());
        }
        jdbc.sql("create index on bounded_pair (victim_a, victim_b)").update();
        jdbc.sql("analyze bounded_pair").update();
        return kept;
    }

    /** The next page of blocks after the hash {@code last} (from the first when null), in ascending order of hashes. */
    private List<BlockScoring.Block> nextBlocks(Long last) {
        if (grouped != null) {
            return grouped.nextBlocks(BLOCK_PAGE);
        }
        return (last == null
                ? jdbc.sql("select key_hash, members from bounded_block order by key_hash limit ?").param(BLOCK_PAGE)
                : jdbc.sql("select key_hash, members from bounded_block where key_hash > ? order by key_hash limit ?")
                        .params(last, BLOCK_PAGE))
                .query((rs, n) -> new BlockScoring.Block(rs.getLong(1), longs((Long[]) rs.getArray(2).getArray())))
                .list();
    }

    /**
     * Hands a group over to be scored beside the reading of the next one; returns the pairs kept of the group handed
     * over before it, spilled meanwhile.
     */
    private long scoreGroup(ScoringAlongside alongside, PreparedRecords held, List<BlockScoring.Block> group,
            Set<Long> records) {
        if (group.isEmpty()) {
            return 0;
        }
        // the records not kept by the run (stored ones sharing a block with a new one) read and normalised again
        List<Long> others = records.stream().filter(id -> !held.holds(id)).toList();
        List<VictimReport> reports = others.isEmpty() ? List.of()
                : victims.byIds(others).stream().map(PersonResolution::report).toList();
        List<BlockScoring.Spilled> before = alongside.score(new ArrayList<>(group), reports);
        group.clear();
        records.clear();
        return spillScored(before);
    }

    /** {@link #spill} of pairs scored from the blocks, their records the run does not hold noted for its scope. */
    private long spillScored(List<BlockScoring.Spilled> pairs) {
        pairedOthers.note(pairs);
        return spill(pairs);
    }

    /** The pairs into {@code bounded_pair}; returns how many. */
    private long spill(List<BlockScoring.Spilled> pairs) {
        try (IdRowsCopy copy = store.binaryCopy(
                "copy bounded_pair (victim_a, victim_b, weight, probability, names_disagree) from stdin with (format binary)")) {
            for (BlockScoring.Spilled pair : pairs) {
                copy.row(pair.victimA(), pair.victimB(), pair.weight(), pair.probability(), pair.namesDisagree());
            }
        }
        return pairs.size();
    }

    /**
     * The run's records' ids into {@code bounded_pending} (once), for the statements that join them: none does in a first
     * load, whose store holds no key and whose records have no relative (at a million records the copy took 1.1-1.3 s
     * of the run's thread).
     */
    private void copyPending() {
        if (pendingCopied) {
            return;
        }
        // keyed after its rows are in (they come in the order of the key): a million ids copied into its key one by one
        // took 4.7 s of a million-record run under load
        jdbc.sql("create temporary table bounded_pending (victim_id bigint) on commit drop").update();
        try (IdRowsCopy copy = store.binaryCopy("copy bounded_pending (victim_id) from stdin with (format binary)")) {
            for (int i = 0; i < pending.size(); i++) {
                copy.row(pending.id(i));
            }
        }
        jdbc.sql("alter table bounded_pending add primary key (victim_id)").update();
        jdbc.sql("analyze bounded_pending").update();
        pendingCopied = true;
    }

    /**
     * The scope: the pending records, the records they pair with, every record of the persons involved
     * and the records decided about with them ({@code scope_victim}); the records not pending added to
     * the members. Returns the decisions between records of the scope that exist.
     */
    private Map<VictimPair, Decision> scopeAndRelatives(Members members) {
        // the run's records and the others its pairs hold, copied in ascending order and keyed after: the server's union
        // of the pending ids with the pairs' took 4.2 s of a million-record run under load (inserted one by one into
        // its key, in the union's hashed order, 16 s)
        long[] paired = pairedOthers.ascending();
        jdbc.sql("create temporary table scope_victim (victim_id bigint) on commit drop").update();
        try (IdRowsCopy copy = store.binaryCopy("copy scope_victim (victim_id) from stdin with (format binary)")) {
            pairedOthers.forEachInScope(paired, copy::row);
        }
        jdbc.sql("alter table scope_victim add primary key (victim_id)").update();
        jdbc.sql("analyze scope_victim").update();
        long relatives = 0;
        int added;
        while ((added = jdbc.sql("""
                insert into scope_victim (victim_id)
                select mate.victim_id from scope_victim s
                  join persons.victim_person mine on mine.victim_id = s.victim_id
                  join persons.victim_person mate on mate.person_id = mine.person_id
                union
                select case when d.victim_a = s.victim_id then d.victim_b else d.victim_a end
                  from persons.pair_decision d join scope_victim s on s.victim_id in (d.victim_a, d.victim_b)
                on conflict do nothing
                """).update()) > 0) {
            relatives += added;
            jdbc.sql("analyze scope_victim").update();
        }
        // no relative added (a first load): the records not pending are those the pairs hold, known already
        if (relatives > 0) {
            copyPending();
        }
        long[] others = relatives == 0 ? paired : ids("""
                select victim_id from scope_victim s
                 where not exists (select 1 from bounded_pending p where p.victim_id = s.victim_id) order by victim_id
                """);
        for (int from = 0; from < others.length; from += READ_CHUNK) {
            victims.byIds(Arrays.stream(others, from, Math.min(others.length, from + READ_CHUNK)).boxed().toList())
                    .forEach(members::add);
        }
        Map<VictimPair, Decision> decisions = new HashMap<>();
        jdbc.sql("""
                select distinct on (victim_a, victim_b) victim_a, victim_b, decision from persons.pair_decision d
                 where exists (select 1 from scope_victim s where s.victim_id = d.victim_a)
                   and exists (select 1 from scope_victim s where s.victim_id = d.victim_b)
                 order by victim_a, victim_b, id desc
                """).query(rs -> {
                    decisions.put(new VictimPair(rs.getLong(1), rs.getLong(2)), Decision.valueOf(rs.getString(3)));
                });
        members.sort();
        decisions.keySet().removeIf(pair -> !members.contains(pair.a()) || !members.contains(pair.b()));
        return decisions;
    }

    /**
     * The pairs of the scope not scored from the blocks: those linked or queued now (kept from the review
     * probability up) and those decided (kept whatever their probability), scored and added.
     */
    private void rescoreInScope(BlockScoring scoring, Map<VictimPair, Decision> decisions, Members members) {
        List<VictimPair> linkedOrQueued = jdbc.sql("""
                select l.victim_a, l.victim_b from (
                  select victim_a, victim_b from persons.person_link
                  union select victim_a, victim_b from persons.candidate_pair where status = 'OPEN') l
                 where exists (select 1 from scope_victim s where s.victim_id = l.victim_a)
                   and exists (select 1 from scope_victim s where s.victim_id = l.victim_b)
                   and not exists (select 1 from bounded_pair p where p.victim_a = l.victim_a and p.victim_b = l.victim_b)
                """).query((rs, n) -> new VictimPair(rs.getLong(1), rs.getLong(2))).list();
        double review = linkage.settings().reviewProbability();
        List<BlockScoring.Spilled> added = new ArrayList<>();
        explain(scoring, linkedOrQueued.stream().filter(p -> members.contains(p.a()) && members.contains(p.b())).toList())
                .stream().filter(pair -> pair.probability() >= review).forEach(pair -> added.add(spilled(pair)));
        Set<VictimPair> inTable = new HashSet<>();
        if (!decisions.isEmpty()) {
            Long[] as = decisions.keySet().stream().map(VictimPair::a).toArray(Long[]::new);
            Long[] bs = decisions.keySet().stream().map(VictimPair::b).toArray(Long[]::new);
            jdbc.sql("""
                    select p.victim_a, p.victim_b from bounded_pair p join unnest(?, ?) d (a, b)
                      on d.a = p.victim_a and d.b = p.victim_b
                    """).params(as, bs).query(rs -> {
                        inTable.add(new VictimPair(rs.getLong(1), rs.getLong(2)));
                    });
        }
        added.forEach(pair -> inTable.add(new VictimPair(pair.victimA(), pair.victimB())));
        explain(scoring, decisions.keySet().stream().filter(pair -> !inTable.contains(pair)).sorted(
                Comparator.comparingLong(VictimPair::a).thenComparingLong(VictimPair::b)).toList())
                .forEach(pair -> added.add(spilled(pair)));
        spill(added);
    }

    private static BlockScoring.Spilled spilled(ScoredPair pair) {
        return new BlockScoring.Spilled(pair.victimA(), pair.victimB(), pair.weight(), pair.probability(),
                BlockScoring.namesDisagree(pair));
    }

    /** The pairs explained, their records read again (in chunks of pairs). */
    private List<ScoredPair> explain(BlockScoring scoring, List<VictimPair> pairs) {
        List<ScoredPair> explained = new ArrayList<>(pairs.size());
        for (int from = 0; from < pairs.size(); from += WRITE_CHUNK) {
            List<VictimPair> chunk = pairs.subList(from, Math.min(pairs.size(), from + WRITE_CHUNK));
            // the run's own records as it normalised them, only the others read again
            explained.addAll(scoring.explainHeld(chunk,
                    ids -> victims.byIds(ids).stream().map(PersonResolution::report).toList()));
        }
        return explained;
    }

    /** Stable ids for the persons found (as {@link StableIds} gives them) and each record's person stored. */
    private int storePersons(CompactClustering clustering, Members members, long run) {
        int n = members.size;
        long[] former = new long[n];
        jdbc.sql("select vp.victim_id, vp.person_id from persons.victim_person vp join scope_victim s using (victim_id)")
                .query(rs -> {
                    int i = clustering.indexOf(rs.getLong(1));
                    if (i >= 0) {
                        former[i] = rs.getLong(2);
                    }
                });
        // the records grouped by person: (person's root << 32 | record's index), sorted
        long[] byPerson = new long[n];
        for (int i = 0; i < n; i++) {
            byPerson[i] = (long) clustering.personOf(i) << 32 | i;
        }
        Arrays.sort(byPerson);
        // a former person's id goes with her oldest record's new person
        Map<Long, Integer> oldest = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (former[i] != 0) {
                oldest.merge(former[i], i, Math::min); // ids ascend with indexes
            }
        }
        Map<Long, Integer> holder = new HashMap<>();
        oldest.forEach((person, i) -> holder.put(person, clustering.personOf(i)));
        // two passes over the persons: how many new ids they need, then each one's id, merges and splits
        // a new person numbered by her first record (the first of her group: ids ascend with indexes), as the reports
        // read ahead of the run expect her to be
        int persons = 0;
        LongStream.Builder firsts = LongStream.builder();
        for (int start = 0; start < n; start = end(byPerson, start)) {
            persons++;
            if (!claims(byPerson, start, former, holder, null)) {
                firsts.add(members.ids[(int) byPerson[start]]);
            }
        }
        long[] newIds = store.newPersons(firsts.build().toArray());
        long[] personOf = new long[n];
        int next = 0;
        for (int start = 0; start < n; ) {
            int end = end(byPerson, start);
            TreeSet<Long> claimed = new TreeSet<>();
            TreeSet<Long> split = new TreeSet<>();
            claims(byPerson, start, former, holder, (claims, person) -> (claims ? claimed : split).add(person));
            long person = claimed.isEmpty() ? newIds[next++] : claimed.first();
            for (int k = start; k < end; k++) {
                personOf[(int) byPerson[k]] = person;
            }
            for (long absorbed : claimed.tailSet(person, false)) {
                store.merge(person, absorbed, run);
            }
            for (long from : split) {
                store.split(from, person, run);
            }
            start = end;
        }
        // no linkage hash: a record resolved here is resolved in full when it comes again
        store.assignWithoutHashes(Arrays.copyOf(members.ids, n), personOf, Arrays.copyOf(members.versions, n));
        return persons;
    }

    /** The end of the person whose records start at {@code start} in {@code byPerson}. */
    private static int end(long[] byPerson, int start) {
        int end = start;
        while (end < byPerson.length && byPerson[end] >>> 32 == byPerson[start] >>> 32) {
            end++;
        }
        return end;
    }

    /**
     * Whether the person starting at {@code start} claims a former person's id (holds her oldest record);
     * gives each former person of her records to {@code each} with whether she claims it.
     */
    private static boolean claims(long[] byPerson, int start, long[] former, Map<Long, Integer> holder,
            ObjLongConsumer<Boolean> each) {
        int root = (int) (byPerson[start] >>> 32);
        boolean any = false;
        int end = end(byPerson, start);
        for (int k = start; k < end; k++) {
            long person = former[(int) byPerson[k]];
            if (person != 0) {
                boolean claims = holder.get(person) == root;
                any |= claims;
                if (each != null) {
                    each.accept(claims, person);
                }
            }
        }
        return any;
    }

    /** The links of the scope replaced: the pairs in one person, linked by the model or a SAME decision. */
    private int storeLinks(BlockScoring scoring, CompactClustering clustering, Map<VictimPair, Decision> decisions,
            long run) {
        double match = linkage.settings().matchProbability();
        List<VictimPair> links = new ArrayList<>();
        jdbc.sql("select victim_a, victim_b, probability from bounded_pair order by victim_a, victim_b")
                .withFetchSize(10_000).query(rs -> {
                    long a = rs.getLong(1);
                    long b = rs.getLong(2);
                    VictimPair pair = new VictimPair(a, b);
                    Decision decision = decisions.get(pair);
                    if (clustering.indexOf(a) >= 0 && clustering.indexOf(b) >= 0 && clustering.samePerson(a, b)
                            && (decision == Decision.SAME || decision == null && rs.getDouble(3) >= match)) {
                        links.add(pair);
                    }
                });
        store.deleteLinksInScopeTable();
        Set<VictimPair> decided = new HashSet<>();
        links.stream().filter(decisions::containsKey).forEach(decided::add);
        for (int from = 0; from < links.size(); from += WRITE_CHUNK) {
            store.copyLinks(explain(scoring, links.subList(from, Math.min(links.size(), from + WRITE_CHUNK))), decided,
                    run, "");
        }
        return links.size();
    }

    /** The ids a query gives, in its order, in an array. */
    private long[] ids(String query) {
        LongStream.Builder ids = LongStream.builder();
        jdbc.sql(query).withFetchSize(10_000).query(rs -> {
            ids.add(rs.getLong(1));
        });
        return ids.build().toArray();
    }

    private static long[] longs(Long[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs;
    }

    /**
     * The pending records normalised and kept ({@link PreparedRecords#add}) a chunk at a time on a thread of their own
     * while the caller reads the next chunk from the warehouse: read, then normalised on every core, the two took
     * turns, the server idle while the records were normalised and the cores while it sent them. At most two chunks
     * wait (a chunk's reports are a few MB).
     */
    private static final class PreparingAlongside implements AutoCloseable {

        private final PreparedRecords held;
        private final ToLongFunction<String> hashing;
        /** Given each record's keys once it is kept, on the preparing thread, in the order of the records; or null. */
        private final Linkage.NewKeys keys;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                task -> {
                    Thread prepare = new Thread(task, "persons-bounded-prepare");
                    prepare.setDaemon(true);
                    return prepare;
                });
        private final ArrayDeque<Future<?>> waiting = new ArrayDeque<>();
        private List<VictimReport> chunk = new ArrayList<>(READ_CHUNK);

        PreparingAlongside(PreparedRecords held, ToLongFunction<String> hashing, Linkage.NewKeys keys) {
            this.held = held;
            this.hashing = hashing;
            this.keys = keys;
        }

        /** A record read, in ascending order of ids; a full chunk handed over once the one before the last is kept. */
        void add(VictimReport record) {
            chunk.add(record);
            if (chunk.size() == READ_CHUNK) {
                handOver();
            }
        }

        private void handOver() {
            if (waiting.size() == 2) {
                await(waiting.removeFirst());
            }
            List<VictimReport> full = chunk;
            waiting.addLast(thread.submit(() -> held.add(full, hashing, keys)));
            chunk = new ArrayList<>(READ_CHUNK);
        }

        /** Waits until every record handed over is kept. */
        void finish() {
            handOver();
            while (!waiting.isEmpty()) {
                await(waiting.removeFirst());
            }
        }

        private static void await(Future<?> chunk) {
            try {
                chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the pending records were normalised", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            waiting.forEach(chunk -> chunk.cancel(false));
            thread.shutdown();
            try {
                // a chunk being added when the read failed: the records' file is closed by the caller only after it
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A group of blocks scored on a thread of its own (on every core: {@link BlockScoring#score}) while the run's
     * thread reads the next group's blocks from the server and spills the pairs of the group before: the two took
     * turns, one core idle while the run waited on the server (a 300,000-record run's scoring used one core of two).
     * One group is scored at a time, in the order given.
     */
    private static final class ScoringAlongside implements AutoCloseable {

        private final BlockScoring scoring;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                task -> {
                    Thread score = new Thread(task, "persons-bounded-scoring");
                    score.setDaemon(true);
                    return score;
                });
        private Future<List<BlockScoring.Spilled>> inFlight;

        ScoringAlongside(BlockScoring scoring) {
            this.scoring = scoring;
        }

        /** Hands a group over; returns the pairs of the group handed over before it (none for the first). */
        List<BlockScoring.Spilled> score(List<BlockScoring.Block> blocks, List<VictimReport> others) {
            List<BlockScoring.Spilled> before = finish();
            inFlight = thread.submit(() -> scoring.score(blocks, others));
            return before;
        }

        /** The pairs of the group handed over last, once scored (none when there is none). */
        List<BlockScoring.Spilled> finish() {
            if (inFlight == null) {
                return List.of();
            }
            try {
                return inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the blocks were scored", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        @Override
        public void close() {
            if (inFlight != null) {
                inFlight.cancel(false);
            }
            thread.shutdown();
            try {
                // a group being scored when the run failed: the records' file is closed by the caller only after it
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The pending records in id order, each with its version and its row kept ahead (-1: none matched its digest). */
    private static final class Matched {

        long[] ids = new long[1 << 16];
        int[] versions = new int[1 << 16];
        int[] rows = new int[1 << 16];
        int size;

        void add(long id, int version, int row) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            ids[size] = id;
            versions[size] = version;
            rows[size++] = row;
        }

        /** How many records no row kept ahead matched: read whole. */
        int unmatched() {
            int unmatched = 0;
            for (int i = 0; i < size; i++) {
                unmatched += rows[i] < 0 ? 1 : 0;
            }
            return unmatched;
        }
    }

    /** The records of the scope as clustering and the store need them: id, valid NIK, sex, version. */
    private static final class Members {

        long[] ids;
        long[] niks;
        byte[] sexes;
        int[] versions;
        int size;

        Members(int capacity) {
            ids = new long[Math.max(16, capacity)];
            niks = new long[ids.length];
            sexes = new byte[ids.length];
            versions = new int[ids.length];
        }

        void add(LinkableVictim record) {
            add(record.id(), CompactClustering.nikOf(record.nik()), CompactClustering.sexOf(record.sex()),
                    record.version());
        }

        /** A record by its id, valid NIK ({@link CompactClustering#nikOf}), sex ({@link CompactClustering#sexOf}), version. */
        void add(long id, long validNik, byte sex, int version) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                niks = Arrays.copyOf(niks, size * 2);
                sexes = Arrays.copyOf(sexes, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
            }
            ids[size] = id;
            niks[size] = validNik;
            sexes[size] = sex;
            versions[size++] = version;
        }

        /** Whether a record is a member (once {@link #sort sorted}). */
        boolean contains(long id) {
            return Arrays.binarySearch(ids, 0, size, id) >= 0;
        }

        /** Orders the members by id. */
        void sort() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = ids[i - 1] < ids[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
            long[] i2 = new long[size];
            long[] n2 = new long[size];
            byte[] s2 = new byte[size];
            int[] v2 = new int[size];
            for (int k = 0; k < size; k++) {
                i2[k] = ids[order[k]];
                n2[k] = niks[order[k]];
                s2[k] = sexes[order[k]];
                v2[k] = versions[order[k]];
            }
            ids = i2;
            niks = n2;
            sexes = s2;
            versions = v2;
        }
    }
}
