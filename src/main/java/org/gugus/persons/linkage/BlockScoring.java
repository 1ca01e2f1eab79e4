package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The scoring of a run that holds only some of its records at a time: the caller goes through the
 * blocks of its new records in ascending order of their key hashes, a group of blocks at a time, and
 * gives each group with the records of its blocks. A pair is scored once, in the block of the
 * smallest valid key hash its two records share (as {@link Candidates} does in memory): valid are the
 * blocks a run pairs in (at least two records, no more than their cap), every one of them given at
 * the start. Only pairs holding a new record are scored; the caller keeps those from the review
 * probability up without their explanations ({@link Spilled}) and has the few it writes explained
 * again ({@link #explain}).
 */
public final class BlockScoring {

    /** A block of a run: a key hash as stored and the ids of the records holding it. */
    public record Block(long keyHash, long[] members) {
    }

    /** A pair scored from the review probability up, without its explanation ({@code victimA < victimB}). */
    public record Spilled(long victimA, long victimB, double weight, double probability, boolean namesDisagree) {
    }

    private final Linkage linkage;
    private final Scorer scorer;
    private final ToLongFunction<String> keyHash;
    private final double threshold;
    /** The key hashes of the blocks the run pairs in, as given. */
    private final long[] validGiven;
    /**
     * Those hashes by open addressing, looked up per key of a record the run does not hold or whose valid keys it does
     * not know ({@link PreparedRecords#keepValidKeys}); built when first needed (tens of MB at a million records, not
     * needed by a first load's run, whose records are all held with their valid keys); null until then.
     */
    private volatile ValidHashes valid;
    /** Slices the held records of a group are read in, on every core. */
    private static final int SLICES = 8;
    /** The hash of the last block given (blocks come in ascending order). */
    private long lastGiven = Long.MIN_VALUE;
    private boolean anyGiven;

    /** The run's new records, normalised once. */
    private final PreparedRecords held;

    BlockScoring(Linkage linkage, Scorer scorer, ToLongFunction<String> keyHash, long[] valid, PreparedRecords held) {
        this.held = held;
        this.linkage = linkage;
        this.scorer = scorer;
        this.keyHash = keyHash;
        this.threshold = linkage.settings().reviewProbability();
        this.validGiven = valid;
    }

    /** Hashes by open addressing (0 stored apart). */
    private static final class ValidHashes {

        private final long[] slots;
        private final boolean zero;

        ValidHashes(long[] hashes) {
            slots = new long[Integer.highestOneBit(Math.max(16, hashes.length) * 4)];
            boolean anyZero = false;
            for (long hash : hashes) {
                if (hash == 0) {
                    anyZero = true;
                    continue;
                }
                int slot = slot(hash);
                while (slots[slot] != 0 && slots[slot] != hash) {
                    slot = slot + 1 & slots.length - 1;
                }
                slots[slot] = hash;
            }
            zero = anyZero;
        }

        private int slot(long hash) {
            return (int) (hash ^ hash >>> 29) * 0x9E3779B9 >>> 1 & slots.length - 1;
        }

        boolean contains(long hash) {
            if (hash == 0) {
                return zero;
            }
            int slot = slot(hash);
            while (slots[slot] != 0) {
                if (slots[slot] == hash) {
                    return true;
                }
                slot = slot + 1 & slots.length - 1;
            }
            return false;
        }
    }

    private ValidHashes valid() {
        ValidHashes table = valid;
        if (table == null) {
            synchronized (this) {
                table = valid;
                if (table == null) {
                    table = new ValidHashes(validGiven);
                    valid = table;
                }
            }
        }
        return table;
    }

    /**
     * A record normalised, with the hashes of its keys whose blocks are valid, ascending, and whether it is new:
     * worked out once per group, not per pair.
     */
    private record Entry(Prepared record, long[] validHashes, boolean isNew) {
    }

    /**
     * Scores the pairs of these blocks that hold a new record. The blocks come in ascending order of
     * their hashes, after every block of a smaller hash; the records of them are those {@link PreparedRecords held}
     * (the run's new ones) and {@code others}, which holds the rest (a record missing, deleted since its keys were
     * written, pairs with nobody).
     */
    public List<Spilled> score(List<Block> blocks, List<VictimReport> others) {
        for (Block block : blocks) {
            if (anyGiven && block.keyHash() <= lastGiven) {
                throw new IllegalArgumentException("blocks must come in ascending order of their hashes");
            }
            lastGiven = block.keyHash();
            anyGiven = true;
        }
        // the group's records by id, in two arrays searched by halves: no boxed id nor map entry a record
        long[] kept = heldMembers(blocks);
        // the held records read in slices on every core, each string as read; shared through a map of each slice's
        // (fewer strings kept while the group is scored: a few MB a group), their hashing and the maps' entries were a
        // quarter of a million-record run's scoring
        int slices = Math.max(1, Math.min(SLICES, kept.length / 256));
        Stream<Entry> fromHeld = IntStream.range(0, slices).parallel().boxed().flatMap(slice -> {
            int from = (int) ((long) kept.length * slice / slices);
            int to = (int) ((long) kept.length * (slice + 1) / slices);
            List<Entry> read = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                PreparedRecords.Held one = held.read(kept[i], UnaryOperator.identity());
                read.add(new Entry(one.record(), one.validOnly() ? one.sortedHashes() : validOnly(one.sortedHashes()),
                        true));
            }
            return read.stream();
        });
        SharedStrings shared = Linkage.sharedStrings();
        // the others: stored records sharing a block with a new one, never new themselves (the new ones are held)
        Stream<Entry> fromOthers = others.parallelStream().map(report -> {
            Prepared record = new Prepared(report, shared);
            return new Entry(record, validOnly(linkage.sortedKeyHashes(record, keyHash)), false);
        });
        Entry[] entries = Stream.concat(fromHeld, fromOthers).toArray(Entry[]::new);
        if (!others.isEmpty()) {
            Arrays.sort(entries, Comparator.comparingLong(entry -> entry.record().id));
        }
        long[] ids = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            ids[i] = entries[i].record().id;
        }
        // each block's pairs gathered by the stream, not added to one synchronised list (its lock, contended by the
        // cores, was a fourteenth of the scoring), and given to it as found: a stream of each block's list, most of
        // them empty, was an eighth of the scoring threads' samples at a million records
        return blocks.parallelStream().<Spilled>mapMulti((block, found) -> {
            long[] members = block.members();
            Entry[] held = new Entry[members.length];
            for (int x = 0; x < members.length; x++) {
                int at = Arrays.binarySearch(ids, members[x]);
                held[x] = at >= 0 ? entries[at] : null;
            }
            for (int x = 0; x < members.length; x++) {
                Entry a = held[x];
                if (a == null) {
                    continue;
                }
                for (int y = x + 1; y < members.length; y++) {
                    Entry b = held[y];
                    if (b == null || !a.isNew() && !b.isNew() || a.record().id == b.record().id
                            || smallestShared(a.validHashes(), b.validHashes()) != block.keyHash()
                            || Linkage.conflict(a.record(), b.record())) {
                        continue;
                    }
                    if (scorer.reaches(a.record(), b.record(), threshold)) {
                        ScoredPair pair = a.record().id < b.record().id ? scorer.explain(a.record(), b.record())
                                : scorer.explain(b.record(), a.record());
                        found.accept(new Spilled(pair.victimA(), pair.victimB(), pair.weight(), pair.probability(),
                                namesDisagree(pair)));
                    }
                }
            }
        }).toList();
    }

    /** The ids of the records held ({@link PreparedRecords#holds}) among the blocks' members, each once, ascending. */
    private long[] heldMembers(List<Block> blocks) {
        int size = 0;
        for (Block block : blocks) {
            size += block.members().length;
        }
        long[] ids = new long[size];
        int at = 0;
        for (Block block : blocks) {
            System.arraycopy(block.members(), 0, ids, at, block.members().length);
            at += block.members().length;
        }
        Arrays.sort(ids);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if ((i == 0 || ids[i] != ids[i - 1]) && held.holds(ids[i])) {
                ids[kept++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, kept);
    }

    /** The hashes of valid blocks among these (ascending), in place. */
    private long[] validOnly(long[] hashes) {
        ValidHashes valid = valid();
        int kept = 0;
        for (long hash : hashes) {
            if (valid.contains(hash)) {
                hashes[kept++] = hash;
            }
        }
        return kept == hashes.length ? hashes : Arrays.copyOf(hashes, kept);
    }

    /** The smallest hash two ascending lists share; {@link Long#MIN_VALUE} when none. */
    private static long smallestShared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return a[i];
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Long.MIN_VALUE;
    }

    /**
     * Whether a pair's names have nothing in common (level "different"): however much else agrees (twins share
     * birth date, address, village and father), clustering does not link it, whatever its probability; a
     * reviewer may.
     */
    public static boolean namesDisagree(ScoredPair pair) {
        for (ComparisonWeight comparison : pair.comparisons()) {
            if (comparison.comparison().equals(Comparison.NAME.id)) {
                return comparison.level().equals("different");
            }
        }
        return false;
    }

    /**
     * These pairs with every comparison's level and weight; their records are those {@link PreparedRecords held}, as
     * they were normalised, and the others, read by {@code others} (given their ids, ascending). A first load's links
     * and queued pairs are explained so without their records read from the warehouse again (at a million records,
     * each read by id cost seconds of the server).
     */
    public List<ScoredPair> explainHeld(List<VictimPair> pairs,
            Function<List<Long>, List<VictimReport>> others) {
        long[] ids = pairs.stream().flatMapToLong(pair -> LongStream.of(pair.a(), pair.b())).sorted()
                .distinct().toArray();
        Map<Long, Prepared> byId = new HashMap<>(ids.length * 2);
        Arrays.stream(ids).filter(held::holds).parallel().mapToObj(id -> held.read(id, UnaryOperator.identity()).record())
                .toList().forEach(record -> byId.put(record.id, record));
        List<Long> notHeld = Arrays.stream(ids).filter(id -> !held.holds(id)).boxed().toList();
        if (!notHeld.isEmpty()) {
            others.apply(notHeld).parallelStream().map(Prepared::new).toList().forEach(record -> byId.put(record.id, record));
        }
        return pairs.parallelStream().map(pair -> scorer.explain(byId.get(pair.a()), byId.get(pair.b()))).toList();
    }

    /** These pairs with every comparison's level and weight; {@code records} holds the records of them. */
    public List<ScoredPair> explain(List<VictimReport> records, List<VictimPair> pairs) {
        Map<Long, Prepared> byId = new HashMap<>(records.size() * 2);
        records.parallelStream().map(Prepared::new).toList().forEach(record -> byId.put(record.id, record));
        return pairs.parallelStream().map(pair -> scorer.explain(byId.get(pair.a()), byId.get(pair.b()))).toList();
    }
}
