package org.gugus.persons.linkage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Record linkage of victim records in the Fellegi–Sunter model (as Splink and fastLink do it):
 * blocking keys, estimation of the model, scoring of candidate pairs and clustering into persons.
 * Plain Java, no database: the caller loads the records and stores what comes out. Full runs block
 * in memory; an incremental caller finds the candidates of new records by their blocking keys.
 * See docs/unique-victims.md.
 */
public final class Linkage {

    private final LinkageSettings settings;
    private final List<BlockingRule> rules;
    private volatile Scorer lastScorer;

    public Linkage(LinkageSettings settings) {
        this.settings = settings;
        this.rules = settings.blockingRules().stream().map(BlockingRule::of).toList();
    }

    public LinkageSettings settings() {
        return settings;
    }

    /**
     * The keys of every blocking rule a record falls under; two records sharing one are a candidate
     * pair. Keys carry personal data: the caller stores only their {@link #keyHash}. A key shared by
     * more records than its cap should make no pairs (full runs skip it; see {@link #cappedBlockingKeys}).
     */
    public Set<String> blockingKeys(VictimReport report) {
        return keys(new Prepared(report));
    }

    /**
     * {@link #blockingKeys(VictimReport)} with the cap of each key's block: the most records that may
     * hold the key for it to make pairs ({@link LinkageSettings#maxBlockSize()}, or
     * {@link LinkageSettings#maxWeakBlockSize()} for a key of a weak rule).
     */
    public Map<String, Integer> cappedBlockingKeys(VictimReport report) {
        return cappedKeys(new Prepared(report));
    }

    /** The blocking keys of the {@code index}th record of a batch (see {@link #blockingKeys(VictimReport)}). */
    public Set<String> blockingKeys(PreparedReports batch, int index) {
        return keys(batch.records().get(index));
    }

    /**
     * The records normalised once, in the order given, for a run that estimates, keys and scores them
     * all ({@link #estimate(PreparedReports, long)}, {@link #blockingKeys(PreparedReports, int)},
     * {@link #score(PreparedReports, LinkageModel)}): without the reports' own strings, the tokens
     * and places they share are one string each.
     */
    public PreparedReports prepare(List<VictimReport> reports) {
        SharedStrings one = sharedStrings();
        return new PreparedReports(reports.parallelStream().map(report -> new Prepared(report, one)).toList());
    }

    /**
     * {@link #prepare(List)} of records as they are read: each chunk of them is normalised on another
     * core while the reader goes on; {@link Preparing#finish()} returns them in the order given.
     */
    public Preparing preparing() {
        return new Preparing(sharedStrings());
    }

    static SharedStrings sharedStrings() {
        return new SharedStrings();
    }

    /** Records being prepared as they arrive ({@link #preparing()}); one reader thread gives them. */
    public static final class Preparing implements Consumer<VictimReport> {

        private static final int CHUNK = 4096;

        private final ChunkedWork<VictimReport, Prepared> work;

        private Preparing(SharedStrings shared) {
            this.work = new ChunkedWork<>(CHUNK, reports -> {
                List<Prepared> prepared = new ArrayList<>(reports.size());
                reports.forEach(report -> prepared.add(new Prepared(report, shared)));
                return prepared;
            });
        }

        @Override
        public void accept(VictimReport report) {
            work.add(report);
        }

        /** The records given, prepared, in their order (waits for the chunks still being prepared). */
        public PreparedReports finish() {
            List<Prepared> records = new ArrayList<>();
            work.finish(records::addAll);
            return new PreparedReports(records);
        }
    }

    /** A 64-bit hash of a blocking key (FNV-1a over its UTF-8 bytes, then mixed): what to store of it. */
    public static long keyHash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    /**
     * {@link #keyHash} of {@code prefix + key}, without building that string nor its bytes (a first load hashes
     * 800,000 keys behind one salt): FNV-1a over the prefix's UTF-8 bytes once, then over the key's.
     */
    public static ToLongFunction<String> keyHashAfter(String prefix) {
        return new SaltedKeyHash(keyHashStart(prefix));
    }

    /** {@link #keyHashAfter}: its state after the prefix kept, so that a record's keys are hashed in pieces. */
    private record SaltedKeyHash(long salted) implements ToLongFunction<String> {

        @Override
        public long applyAsLong(String key) {
            return keyHashEnd(fnv(salted, key));
        }
    }

    /**
     * {@link #keyHash} of a text given in pieces, without the text nor its bytes built: {@link #keyHashStart}, then
     * {@link #keyHashNext} over each piece in order, then {@link #keyHashEnd}. The same hash as {@link #keyHash} of
     * the pieces joined, as long as no piece ends with the high half of a surrogate pair whose low half begins the next.
     */
    public static long keyHashStart(String text) {
        return fnv(0xcbf29ce484222325L, text);
    }

    /** {@link #keyHashStart} continued over one more piece of the text. */
    public static long keyHashNext(long hash, String piece) {
        return fnv(hash, piece);
    }

    /** {@link #keyHashStart} continued over one character below U+0080 (a separator). */
    public static long keyHashNext(long hash, char ascii) {
        if (ascii >= 0x80) {
            throw new IllegalArgumentException("not a character below U+0080");
        }
        return (hash ^ ascii) * 0x100000001b3L;
    }

    /** The hash of the pieces given since {@link #keyHashStart}, as {@link #keyHash} gives it of them joined. */
    public static long keyHashEnd(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }

    /** FNV-1a continued from {@code hash} over the UTF-8 bytes of {@code text}. */
    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (c < 0x80) {
                hash = (hash ^ c) * 0x100000001b3L;
                continue;
            }
            if (Character.isHighSurrogate((char) c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            } else if (Character.isSurrogate((char) c)) {
                c = '?'; // as String.getBytes(UTF_8) writes a lone surrogate
            }
            if (c < 0x80) {
                hash = (hash ^ c) * 0x100000001b3L;
            } else if (c < 0x800) {
                hash = (hash ^ (0xc0 | c >> 6)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c & 0x3f)) * 0x100000001b3L;
            } else if (c < 0x10000) {
                hash = (hash ^ (0xe0 | c >> 12)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c >> 6 & 0x3f)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c & 0x3f)) * 0x100000001b3L;
            } else {
                hash = (hash ^ (0xf0 | c >> 18)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c >> 12 & 0x3f)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c >> 6 & 0x3f)) * 0x100000001b3L;
                hash = (hash ^ (0x80 | c & 0x3f)) * 0x100000001b3L;
            }
        }
        return hash;
    }

    /**
     * Estimates the model from the records: u from seeded random pairs, m (and the share of matches
     * among blocked pairs) by expectation-maximisation on the blocked pairs, the prior from the
     * deterministic rules, and the frequencies of the common name tokens.
     */
    public LinkageModel estimate(Collection<VictimReport> reports, long seed) {
        return estimate(prepare(List.copyOf(reports)), seed);
    }

    /** {@link #estimate(Collection, long)} of records prepared once. */
    public LinkageModel estimate(PreparedReports batch, long seed) {
        return new Estimation(settings, batch.records(), () -> batch.candidates(rules, settings), seed)
                .model();
    }

    /**
     * The candidate pairs among the records (sharing a blocking key), scored by the model, that reach
     * {@link LinkageSettings#reviewProbability()}: the pairs that can link or be queued. Ordered by
     * their victim ids.
     */
    public List<ScoredPair> score(Collection<VictimReport> reports, LinkageModel model) {
        return score(prepare(List.copyOf(reports)), model);
    }

    /** {@link #score(Collection, LinkageModel)} of records prepared once. */
    public List<ScoredPair> score(PreparedReports batch, LinkageModel model) {
        List<Prepared> records = batch.records();
        Scorer scorer = new Scorer(model);
        Candidates candidates = batch.candidates(rules, settings);
        // each scoring thread keeps its pairs in a list of its own (no node per pair)
        List<List<ScoredPair>> lists = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<List<ScoredPair>> kept = ThreadLocal.withInitial(() -> {
            List<ScoredPair> list = new ArrayList<>();
            lists.add(list);
            return list;
        });
        double threshold = settings.reviewProbability();
        candidates.forEachPair((i, j) -> {
            Prepared a = records.get(i);
            Prepared b = records.get(j);
            if (a.id == b.id || conflict(a, b)) {
                return;
            }
            if (scorer.reaches(a, b, threshold)) {
                kept.get().add(a.id < b.id ? scorer.explain(a, b) : scorer.explain(b, a));
            }
        });
        batch.forgetCandidates();
        List<ScoredPair> pairs = new ArrayList<>(lists.stream().mapToInt(List::size).sum());
        for (List<ScoredPair> list : lists) {
            pairs.addAll(list);
            list.clear();
        }
        pairs.sort(Comparator.comparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB));
        return pairs;
    }

    /**
     * The pairs an incremental run needs: each of {@code reports} (new or changed records) against
     * the others of them and against {@code existing} (their candidates, found by their blocking
     * keys), scored, from the review probability up. Pairs of two existing records are not scored.
     */
    public List<ScoredPair> scoreAgainst(Collection<VictimReport> reports, Collection<VictimReport> existing,
            LinkageModel model) {
        Against against = against(reports, model);
        existing.forEach(against);
        return against.finish();
    }

    /**
     * {@link #scoreAgainst} with the candidates given as they are read: each chunk of them is
     * normalised and keyed on another core while the reader goes on; {@link Against#finish()} scores
     * the pairs. One reader thread gives the candidates.
     */
    public Against against(Collection<VictimReport> reports, LinkageModel model) {
        return against(reports, model, Linkage::keyHash);
    }

    /**
     * {@link #against(Collection, LinkageModel)}, each new record's keys hashed by {@code keyHash} (as the
     * caller stores them) on every core, with its normalisation: {@link Against#forEachNewRecord(NewKeys)}.
     * The blocks are told apart by these hashes (as the caller's store tells them apart).
     */
    public Against against(Collection<VictimReport> reports, LinkageModel model,
            ToLongFunction<String> keyHash) {
        NewRecords records = newRecords(keyHash);
        reports.forEach(records);
        return against(records, model);
    }

    /**
     * New or changed records of an incremental run prepared as they are given (normalised, their keys hashed by
     * {@code keyHash}), each chunk on another core while the reader goes on: {@link #against(NewRecords,
     * LinkageModel)} then scores them. One reader thread gives them.
     */
    public NewRecords newRecords(ToLongFunction<String> keyHash) {
        return new NewRecords(keyHash, null);
    }

    /**
     * {@link #newRecords(ToLongFunction)}, each record whose values (every field of its report
     * but its id) are those of a record prepared {@code ahead} under the same keys' hashing taken from it, under its
     * own id, instead of being prepared again; {@code ahead} null or of another hashing: none taken.
     */
    public NewRecords newRecords(ToLongFunction<String> keyHash, Ahead ahead) {
        return new NewRecords(keyHash, ahead != null && ahead.linkage == this && ahead.keyHash.equals(keyHash) ? ahead
                : null);
    }

    /**
     * Records prepared before their ids are known, as {@link NewRecords} prepares them (normalised, their keys
     * hashed), on the calling thread, one at a time: a first load's records prepared from its staged rows while the
     * warehouse publishes them. Known by their values only, never by a row or an id: a record takes one only when
     * every field linkage reads is equal ({@link #newRecords(ToLongFunction, Ahead)}).
     * {@code stop} is asked between records; when it says so, the records prepared until then are kept.
     * <p>
     * Once every record is prepared, the blocks of their keys are built too, each record known by its place among the
     * distinct values prepared (the blocks of a first load's 100,000 records, 700,000 keys in an open-addressed table,
     * were about a second of its run after the publish's commit, memory-bound): a run whose records are exactly these,
     * each taken once, scores in them ({@link #against(NewRecords, LinkageModel)}); any other run builds its own.
     * Not built when {@code stop} says so before they are done.
     */
    public Ahead prepareAhead(Collection<VictimReport> reports, ToLongFunction<String> keyHash,
            BooleanSupplier stop) {
        SharedStrings shared = sharedStrings();
        Map<VictimReport, Integer> byValues = new HashMap<>(reports.size() * 2);
        List<NewRecord> records = new ArrayList<>(reports.size());
        int[] atPlace = new int[reports.size()];
        Arrays.fill(atPlace, -1);
        int place = 0;
        boolean stopped = false;
        for (VictimReport report : reports) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            VictimReport values = Ahead.values(report);
            // one look-up a record: a record's hash code goes through every one of its fields
            Integer at = byValues.putIfAbsent(values, records.size());
            if (at == null) {
                at = records.size();
                records.add(newRecord(new Prepared(values, shared), keyHash));
            }
            atPlace[place++] = at;
        }
        Blocks blocks = stopped ? null : Blocks.of(records, stop);
        return new Ahead(this, keyHash, byValues, atPlace, records, blocks);
    }

    /** Records prepared before their ids were known ({@link #prepareAhead}), by their values. */
    public static final class Ahead {

        private final Linkage linkage;
        private final ToLongFunction<String> keyHash;
        /** The place of each distinct record's values among {@link #records}. */
        private final Map<VictimReport, Integer> byValues;
        /**
         * The place among {@link #records} of the values of each report given, in the order given (a first load's rows
         * in the file's order); -1 past the last one prepared before a stop.
         */
        private final int[] atPlace;
        private final List<NewRecord> records;
        /** The blocks of {@link #records}' keys, each record by its place among them; null when not built (or taken). */
        private Blocks blocks;

        private Ahead(Linkage linkage, ToLongFunction<String> keyHash,
                Map<VictimReport, Integer> byValues, int[] atPlace, List<NewRecord> records, Blocks blocks) {
            this.linkage = linkage;
            this.keyHash = keyHash;
            this.byValues = byValues;
            this.atPlace = atPlace;
            this.records = records;
            this.blocks = blocks;
        }

        /** How many distinct records' values were prepared. */
        public int size() {
            return byValues.size();
        }

        /** How many distinct keys the blocks built ahead hold; 0 when they were not built (or were taken). */
        public int blockKeys() {
            Blocks built = blocks;
            return built == null ? 0 : built.size;
        }

        /** Whether the blocks of the records' keys were built too (and not taken by a run yet). */
        public boolean blocksBuilt() {
            return blocks != null;
        }

        /** The record of these values prepared ahead, under the report's id, with its place; null when none was. */
        private NewRecord take(VictimReport report) {
            Integer at = byValues.get(values(report));
            return at == null ? null : taken(at, report.victimId());
        }

        /**
         * The record prepared ahead from the report given at this place ({@link #prepareAhead}: the i-th of the
         * reports), under this id, with no look-up by its values: the caller knows the record's values are that
         * report's ({@link NewRecords#acceptAt}). Null when none was prepared there (a place past a stop, or none).
         */
        private NewRecord takeAt(int place, long id) {
            int at = place < 0 || place >= atPlace.length ? -1 : atPlace[place];
            return at < 0 ? null : taken(at, id);
        }

        private NewRecord taken(int at, long id) {
            NewRecord prepared = records.get(at);
            // the keys' arrays shared, as the normalised forms are: nothing changes them once made, and a first
            // load's 100,000 copies were 200,000 arrays more of its run's live set
            return new NewRecord(new Prepared(prepared.record(), id), prepared.hashes(), prepared.caps(), at);
        }

        /**
         * The blocks built ahead, once, with the run's records in the order they index them (each at the place of the
         * values it was taken from): only when the run's records are these exactly, each taken once (a record prepared
         * by the run, two records of the same values, or values no record took: null, the run builds its blocks).
         */
        private Prebuilt blocksFor(List<NewRecord> given) {
            Blocks built = blocks;
            blocks = null;
            if (built == null || given.size() != records.size()) {
                return null;
            }
            NewRecord[] placed = new NewRecord[given.size()];
            for (NewRecord record : given) {
                int at = record.ahead();
                if (at < 0 || placed[at] != null) {
                    return null;
                }
                placed[at] = record;
            }
            return new Prebuilt(Arrays.asList(placed), built);
        }

        /** The report's values without its id: what a record prepared ahead is known by. */
        static VictimReport values(VictimReport report) {
            return report.victimId() == 0 ? report
                    : new VictimReport(0, report.officeCode(), report.caseNumber(), report.name(), report.nik(),
                            report.sex(), report.birthDate(), report.age(), report.reportDate(), report.birthPlace(),
                            report.originRegencyCode(), report.originDistrictCode(), report.originVillageCode(),
                            report.address());
        }
    }

    /**
     * {@link #against(Collection, LinkageModel, ToLongFunction)} of records prepared as read; in the
     * blocks built ahead ({@link #prepareAhead}) when the records are those prepared ahead exactly.
     */
    public Against against(NewRecords records, LinkageModel model) {
        List<NewRecord> fresh = new ArrayList<>();
        records.work.finish(fresh::addAll);
        Ahead ahead = records.ahead;
        records.ahead = null; // every record given is prepared: the records prepared ahead are let go
        Prebuilt prebuilt = ahead == null ? null : ahead.blocksFor(fresh);
        return new Against(fresh, prebuilt, records.shared, records.keyHash, model);
    }

    /** A record given to {@link NewRecords}, with its place among the reports prepared ahead (-1: unknown). */
    private record Given(VictimReport report, int place) {
    }

    /** Blocks built ahead and the run's records in the order they index them. */
    private record Prebuilt(List<NewRecord> records, Blocks blocks) {
    }

    /** Records being prepared with their hashed keys as they arrive ({@link #newRecords}). */
    public final class NewRecords implements Consumer<VictimReport> {

        private static final int CHUNK = 2048;

        // the tokens, places and address tokens records share kept once: fewer objects for the collector to copy
        private final SharedStrings shared = sharedStrings();
        private final ToLongFunction<String> keyHash;
        private final ChunkedWork<Given, NewRecord> work;
        /** How many records were taken as prepared ahead. */
        private final AtomicInteger takenAhead = new AtomicInteger();
        /** How many of them were taken at their places ({@link #acceptAt}), not by their values. */
        private final AtomicInteger takenAtPlaces = new AtomicInteger();
        /** Records prepared before their ids were known, null when none (or once every record is prepared). */
        private Ahead ahead;

        private NewRecords(ToLongFunction<String> keyHash, Ahead ahead) {
            this.keyHash = keyHash;
            this.ahead = ahead;
            this.work = new ChunkedWork<>(CHUNK, reports -> {
                List<NewRecord> prepared = new ArrayList<>(reports.size());
                int taken = 0;
                int atPlaces = 0;
                Ahead before = this.ahead;
                for (Given given : reports) {
                    VictimReport report = given.report();
                    NewRecord record = before == null ? null : before.takeAt(given.place(), report.victimId());
                    if (record != null) {
                        atPlaces++;
                    } else if (before != null) {
                        record = before.take(report);
                    }
                    if (record != null) {
                        taken++;
                    } else {
                        record = newRecord(report);
                    }
                    prepared.add(record);
                }
                takenAhead.addAndGet(taken);
                takenAtPlaces.addAndGet(atPlaces);
                return prepared;
            });
        }

        /** How many of the records given so far and prepared were taken as prepared ahead. */
        public int takenAhead() {
            return takenAhead.get();
        }

        /** How many of {@link #takenAhead} were taken at their places ({@link #acceptAt}), none by its values. */
        public int takenAtPlaces() {
            return takenAtPlaces.get();
        }

        @Override
        public void accept(VictimReport report) {
            work.add(new Given(report, -1));
        }

        /**
         * A record whose values are those of the report given at this place to {@link #prepareAhead} (the caller
         * knows it: a first load's i-th record by id is its file's i-th row, where the publish vouched for the rows
         * read), taken from the records prepared ahead at that place with no look-up by its values; taken by its
         * values, or prepared, as {@link #accept} does when nothing was prepared there.
         */
        public void acceptAt(VictimReport report, int place) {
            work.add(new Given(report, place));
        }

        private NewRecord newRecord(VictimReport report) {
            return Linkage.this.newRecord(new Prepared(report, shared), keyHash);
        }
    }

    /** A new record's keys hashed by {@code keyHash}: from their pieces when salted, else from their text. */
    private NewRecord newRecord(Prepared record, ToLongFunction<String> keyHash) {
        if (keyHash instanceof SaltedKeyHash salted) {
            return hashedKeys(record, salted.salted());
        }
        return textKeys(record, keyHash);
    }

    /**
     * A new record with the hashes of its keys made from their pieces ({@link BlockingRule#hashes}), in the order and
     * with the caps of {@link #cappedKeys}: no key's text, map entry nor boxed cap (a first load's 800,000 keys).
     */
    private NewRecord hashedKeys(Prepared record, long salted) {
        KeyHashes keys = new KeyHashes();
        for (BlockingRule rule : rules) {
            keys.cap = rule.maxBlockSize(settings);
            rule.hashes(record, salted, keys);
        }
        return new NewRecord(record, Arrays.copyOf(keys.hashes, keys.count), Arrays.copyOf(keys.caps, keys.count));
    }

    /** A record's key hashes as its rules give them, each with its rule's cap (one object a record, not a lambda). */
    private static final class KeyHashes implements LongConsumer {

        private long[] hashes = new long[8];
        private int[] caps = new int[8];
        private int count;
        /** The cap of the rule giving hashes now. */
        private int cap;

        @Override
        public void accept(long hash) {
            for (int i = 0; i < count; i++) {
                if (hashes[i] == hash) {
                    caps[i] = cap; // a key given again (a rule listed twice): kept in its place, as the map does
                    return;
                }
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
                caps = Arrays.copyOf(caps, count * 2);
            }
            hashes[count] = hash;
            caps[count++] = cap;
        }
    }

    /**
     * {@link #cappedBlockingKeys} of a record as the caller stores them, hashed by {@code keyHash}: from their pieces
     * when it is a {@link #keyHashAfter} (no key's text, map entry nor boxed cap), the same hashes, order and caps.
     */
    public void cappedKeyHashes(VictimReport report, ToLongFunction<String> keyHash, NewKeys keys) {
        cappedKeyHashes(new Prepared(report), keyHash, keys);
    }

    void cappedKeyHashes(Prepared record, ToLongFunction<String> keyHash, NewKeys keys) {
        NewRecord hashed = keyHash instanceof SaltedKeyHash salted ? hashedKeys(record, salted.salted())
                : textKeys(record, keyHash);
        keys.accept(record.id, hashed.hashes(), hashed.caps());
    }

    /** A record's capped keys hashed from their text by {@code keyHash}. */
    private NewRecord textKeys(Prepared record, ToLongFunction<String> keyHash) {
        Map<String, Integer> keys = cappedKeys(record);
        long[] hashes = new long[keys.size()];
        int[] caps = new int[keys.size()];
        int i = 0;
        for (Map.Entry<String, Integer> key : keys.entrySet()) {
            hashes[i] = keyHash.applyAsLong(key.getKey());
            caps[i++] = key.getValue();
        }
        return new NewRecord(record, hashes, caps);
    }

    /** The distinct hashes of a record's blocking keys as {@code keyHash} gives them, ascending. */
    long[] sortedKeyHashes(Prepared record, ToLongFunction<String> keyHash) {
        long[] hashes = keyHash instanceof SaltedKeyHash salted ? hashedKeys(record, salted.salted()).hashes()
                : keys(record).stream().mapToLong(keyHash).distinct().toArray();
        Arrays.sort(hashes);
        return hashes;
    }

    /** A new record's blocking keys as the caller stores them: their hashes and caps, in the same order. */
    @FunctionalInterface
    public interface NewKeys {
        void accept(long victim, long[] hashes, int[] caps);
    }

    /** New or changed records being scored against their candidates as these arrive ({@link #against}). */
    public final class Against implements Consumer<VictimReport> {

        private static final int CHUNK = 2048;

        private final LinkageModel model;
        /** The new records' ids, sorted. */
        private final long[] ids;
        /**
         * The records holding each key of the new records (by the key's hash: a first load's 800,000 keys kept as
         * strings in a map were most of the run's live objects): the new records first, then their candidates.
         */
        private final Blocks byKey;
        /** Candidates normalised and keyed in chunks; each keeps only the keys it shares with the new records. */
        private final ChunkedWork<VictimReport, Keyed> work;

        /** The keys of each new record, hashed as the caller stores them, with their caps, in the order given. */
        private final List<NewRecord> given;
        /** The new records in the order the blocks index them: as given, or as prepared ahead. */
        private final List<NewRecord> fresh;
        /** Whether the blocks were built ahead: their new records are then not in the order given (in id order). */
        private final boolean builtAhead;

        private Against(List<NewRecord> given, Prebuilt prebuilt, SharedStrings shared,
                ToLongFunction<String> keyHash, LinkageModel model) {
            this.model = model;
            this.given = given;
            this.builtAhead = prebuilt != null;
            this.fresh = builtAhead ? prebuilt.records() : given;
            this.ids = fresh.stream().mapToLong(record -> record.record().id).sorted().toArray();
            this.byKey = builtAhead ? prebuilt.blocks() : Blocks.of(fresh, () -> false);
            this.work = new ChunkedWork<>(CHUNK, candidates -> {
                List<Keyed> keyed = new ArrayList<>(candidates.size());
                for (VictimReport report : candidates) {
                    Prepared record = new Prepared(report, shared);
                    keyed.add(new Keyed(record, keys(record).stream().mapToLong(keyHash).filter(byKey::contains).toArray()));
                }
                return keyed;
            });
        }

        /** How many distinct keys the new records hold. */
        public int newRecordKeys() {
            return byKey.size;
        }

        /** Whether the new records are scored in blocks built ahead ({@link #prepareAhead}). */
        public boolean builtAhead() {
            return builtAhead;
        }

        /** Each new or changed record's keys hashed as the caller stores them, with their caps, in the order given. */
        public void forEachNewRecord(NewKeys keys) {
            given.forEach(record -> keys.accept(record.record().id, record.hashes(), record.caps()));
        }

        /** A candidate: ignored when it is one of the new records. */
        @Override
        public void accept(VictimReport report) {
            if (Arrays.binarySearch(ids, report.victimId()) >= 0) {
                return;
            }
            work.add(report);
        }

        /** The pairs of the new records with each other and with the candidates given, scored on every core. */
        public List<ScoredPair> finish() {
            List<Prepared> candidates = new ArrayList<>();
            work.finish(keyed -> keyed.forEach(candidate -> {
                int record = -1 - candidates.size();
                candidates.add(candidate.record());
                for (long key : candidate.keys()) {
                    byKey.candidate(key, record);
                }
            }));
            Scorer scorer = scorer(model);
            double threshold = settings.reviewProbability();
            Map<VictimPair, ScoredPair> pairs = new ConcurrentHashMap<>();
            // each holder's id, NIK and whether it has a name side by side (the new records, then the candidates):
            // most pairs a first load's blocks make are two people's NIKs, told apart without reaching the records
            int count = fresh.size();
            long[] holderIds = new long[count + candidates.size()];
            long[] holderNiks = new long[holderIds.length];
            boolean[] holderNamed = new boolean[holderIds.length];
            for (int i = 0; i < holderIds.length; i++) {
                Prepared record = i < count ? fresh.get(i).record() : candidates.get(i - count);
                holderIds[i] = record.id;
                holderNiks[i] = record.nikDigits;
                holderNamed[i] = record.hasName();
            }
            // a block of one record makes no pair (most keys of a first load)
            IntStream.range(0, byKey.slots()).parallel()
                    .filter(slot -> byKey.size(slot) > 1 && byKey.size(slot) <= byKey.cap(slot)).forEach(slot -> {
                int size = byKey.size(slot);
                // the new records come first in every block
                for (int x = 0; x < byKey.fresh(slot); x++) {
                    int first = byKey.holder(slot, x);
                    long idA = holderIds[first];
                    long nikA = holderNiks[first];
                    boolean namedA = holderNamed[first];
                    Prepared a = null;
                    for (int y = x + 1; y < size; y++) {
                        int holder = byKey.holder(slot, y);
                        int at = holder >= 0 ? holder : count - 1 - holder;
                        if (holderIds[at] == idA || conflict(nikA, namedA, holderNiks[at], holderNamed[at])) {
                            continue;
                        }
                        if (a == null) {
                            a = fresh.get(first).record();
                        }
                        Prepared b = holder >= 0 ? fresh.get(holder).record() : candidates.get(-1 - holder);
                        VictimPair pair = VictimPair.of(a.id, b.id);
                        // every pair scored from the lower id, as it is explained and as a run over every record
                        // scores it (a name's level is the first record's when both have as many tokens): a new
                        // record and a stored one of a lower id, or two new records in blocks built ahead
                        if (!pairs.containsKey(pair) && (b.id < a.id
                                ? scorer.reaches(b, a, threshold) : scorer.reaches(a, b, threshold))) {
                            pairs.putIfAbsent(pair, a.id < b.id ? scorer.explain(a, b) : scorer.explain(b, a));
                        }
                    }
                }
            });
            List<ScoredPair> scored = new ArrayList<>(pairs.values());
            scored.sort(Comparator.comparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB));
            return scored;
        }
    }

    /**
     * The blocks of an incremental run by their keys' hashes: open addressing over primitive arrays, no object per
     * block (a first load's 800,000 blocks, most held by one record, were each an object the collector copied). A
     * holder is a reference: {@code i >= 0} the {@code i}th new record, {@code -1 - j} the {@code j}th candidate.
     */
    private static final class Blocks {

        private long[] hashes;
        /** How many records hold each slot's key; 0: an empty slot. */
        private int[] sizes;
        private int[] caps;
        /** How many of its holders are new records (they come first). */
        private int[] fresh;
        private int[] first;
        /** The holders from the second on, null while a block has one; grown by doubling. */
        private int[][] rest;
        private int size;

        Blocks(int expected) {
            allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
        }

        /**
         * The blocks of new records' keys, each record by its place in {@code fresh}; null when {@code stop} says so
         * before they are built (asked every few thousand records).
         */
        static Blocks of(List<NewRecord> fresh, BooleanSupplier stop) {
            // room for two distinct keys a record, grown by doubling past them: most keys are shared (a first load's
            // 100,000 records hold 155,000 distinct keys of their 700,000), and eight a record made a table of two
            // million slots, 59 MB of the run's live set at a tenth full
            Blocks blocks = new Blocks(fresh.size() * 2);
            for (int r = 0; r < fresh.size(); r++) {
                if ((r & 4095) == 4095 && stop.getAsBoolean()) {
                    return null;
                }
                NewRecord record = fresh.get(r);
                for (int i = 0; i < record.hashes().length; i++) {
                    blocks.fresh(record.hashes()[i], record.caps()[i], r);
                }
            }
            return blocks;
        }

        private void allocate(int slots) {
            hashes = new long[slots];
            sizes = new int[slots];
            caps = new int[slots];
            fresh = new int[slots];
            first = new int[slots];
            rest = new int[slots][];
        }

        /** A new record holding the key (the first holder sets the block's cap: a key belongs to one rule). */
        void fresh(long hash, int cap, int record) {
            if (size * 2 >= hashes.length) {
                grow();
            }
            int slot = slot(hash);
            if (sizes[slot] == 0) {
                hashes[slot] = hash;
                caps[slot] = cap;
                size++;
            }
            add(slot, record);
            fresh[slot]++;
        }

        /** A candidate holding a key of a new record. */
        void candidate(long hash, int record) {
            add(slot(hash), record);
        }

        private void add(int slot, int record) {
            int held = sizes[slot];
            if (held == 0) {
                first[slot] = record;
            } else {
                int[] more = rest[slot];
                if (more == null) {
                    more = rest[slot] = new int[4];
                } else if (held - 1 == more.length) {
                    more = rest[slot] = Arrays.copyOf(more, more.length * 2);
                }
                more[held - 1] = record;
            }
            sizes[slot] = held + 1;
        }

        boolean contains(long hash) {
            return sizes[slot(hash)] != 0;
        }

        int slots() {
            return hashes.length;
        }

        int size(int slot) {
            return sizes[slot];
        }

        int cap(int slot) {
            return caps[slot];
        }

        int fresh(int slot) {
            return fresh[slot];
        }

        /** The {@code i}th holder of the block in a slot. */
        int holder(int slot, int i) {
            return i == 0 ? first[slot] : rest[slot][i - 1];
        }

        private int slot(long hash) {
            int mask = hashes.length - 1;
            long mixed = hash * 0x9e3779b97f4a7c15L;
            int slot = (int) ((mixed ^ (mixed >>> 32)) & mask);
            while (sizes[slot] != 0 && hashes[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldHashes = hashes;
            int[] oldSizes = sizes;
            int[] oldCaps = caps;
            int[] oldFresh = fresh;
            int[] oldFirst = first;
            int[][] oldRest = rest;
            allocate(oldHashes.length * 2);
            for (int slot = 0; slot < oldHashes.length; slot++) {
                if (oldSizes[slot] != 0) {
                    int to = slot(oldHashes[slot]);
                    hashes[to] = oldHashes[slot];
                    sizes[to] = oldSizes[slot];
                    caps[to] = oldCaps[slot];
                    fresh[to] = oldFresh[slot];
                    first[to] = oldFirst[slot];
                    rest[to] = oldRest[slot];
                }
            }
        }
    }

    /**
     * A new or changed record of an incremental run, normalised, with its blocking keys' hashes and their caps; taken
     * from the records prepared ahead at place {@code ahead} among them, or not ({@code -1}).
     */
    private record NewRecord(Prepared record, long[] hashes, int[] caps, int ahead) {

        NewRecord(Prepared record, long[] hashes, int[] caps) {
            this(record, hashes, caps, -1);
        }
    }

    /** A candidate of an incremental run, normalised, with the hashes of the keys it shares with the new records. */
    private record Keyed(Prepared record, long[] keys) {
    }

    /**
     * Two valid NIKs that cannot be one person's ({@link Nik#conflict}), or two valid NIKs that differ
     * at all where either record has no name (or a placeholder): a typing error in a NIK is believed
     * only when the names agree, else "Korban 1" and "Korban 2" of one village and birth day, their
     * NIKs numbered in sequence, would link. Such a pair is neither linked nor queued, whatever else
     * agrees.
     */
    static boolean conflict(Prepared a, Prepared b) {
        return conflict(a.nikDigits, a.hasName(), b.nikDigits, b.hasName());
    }

    /** {@link #conflict(Prepared, Prepared)} of two records' {@link Nik#packed} NIKs and whether each has a name. */
    static boolean conflict(long nikA, boolean namedA, long nikB, boolean namedB) {
        if (nikA == 0 || nikB == 0 || nikA == nikB) {
            return false;
        }
        return !namedA || !namedB || Nik.conflict(nikA, nikB);
    }

    Set<String> keys(Prepared record) {
        Set<String> keys = new LinkedHashSet<>();
        for (BlockingRule rule : rules) {
            rule.keys(record, keys::add);
        }
        return keys;
    }

    private Map<String, Integer> cappedKeys(Prepared record) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (BlockingRule rule : rules) {
            int cap = rule.maxBlockSize(settings);
            rule.keys(record, key -> keys.put(key, cap));
        }
        return keys;
    }

    /**
     * The scoring of a run that goes through the blocks of its new records a group at a time, in bounded
     * memory ({@link BlockScoring}); {@code keyHash} gives a blocking key's hash as the caller stores it, {@code valid}
     * the hashes of every block the run pairs in.
     */
    public BlockScoring blockScoring(LinkageModel model, ToLongFunction<String> keyHash,
            long[] valid, PreparedRecords held) {
        return new BlockScoring(this, scorer(model), keyHash, valid, held);
    }

    /** A bounded run's store of its new records, normalised once ({@link PreparedRecords}); the caller closes it. */
    public PreparedRecords preparedRecords() {
        return new PreparedRecords(this);
    }

    /** One pair scored, whatever its probability (for a pair a reviewer looks at, or a test). */
    public ScoredPair score(VictimReport a, VictimReport b, LinkageModel model) {
        Prepared x = new Prepared(a);
        Prepared y = new Prepared(b);
        return scorer(model).explain(x.id < y.id ? x : y, x.id < y.id ? y : x);
    }

    /** The scorer of the model last asked for: pairs scored one by one share its tables. */
    private Scorer scorer(LinkageModel model) {
        Scorer scorer = lastScorer;
        if (scorer == null || scorer.model() != model) {
            scorer = new Scorer(model);
            lastScorer = scorer;
        }
        return scorer;
    }

    /**
     * Persons among the records. Decisions first: SAME links its two records, DIFFERENT forbids ever
     * putting them in one person. Then the undecided pairs at or above the match probability, the
     * heaviest first, each joining two persons unless that would join a hard conflict: two valid NIKs
     * more than one typing error apart ({@link Nik#conflict}), both sexes, or a DIFFERENT decision between any of their
     * records. The review queue: undecided pairs from the review probability up whose records ended
     * in different persons — those below the match probability, and those above it refused for a
     * conflict.
     */
    public Clusters cluster(Collection<VictimReport> reports, List<ScoredPair> pairs, Map<VictimPair, Decision> decisions) {
        return Clustering.of(reports, pairs, decisions, settings);
    }
}
