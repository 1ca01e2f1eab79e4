package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * The scoring of a run that holds only some of its records at a time: the caller goes through the
 * blocks of its new records in ascending order of their key hashes, a group of blocks at a time, and
 * gives each group with the records of its blocks. A pair is scored once, in the block of the
 * smallest valid key hash its two records share (as {@link Candidates} does in memory): valid are the
 * blocks given so far, the ones a run pairs in (at least two records, no more than their cap). Only
 * pairs holding a new record are scored; the caller keeps those from the review probability up
 * without their explanations ({@link Spilled}) and has the few it writes explained again
 * ({@link #explain}).
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
    /** The key hashes of the blocks given so far, ascending. */
    private long[] valid = new long[1 << 12];
    private int validCount;

    BlockScoring(Linkage linkage, Scorer scorer, ToLongFunction<String> keyHash) {
        this.linkage = linkage;
        this.scorer = scorer;
        this.keyHash = keyHash;
        this.threshold = linkage.settings().reviewProbability();
    }

    /** A record normalised, with its key hashes ascending. */
    private record Entry(Prepared record, long[] hashes) {
    }

    /**
     * Scores the pairs of these blocks that hold a new record. The blocks come in ascending order of
     * their hashes, after every block of a smaller hash; {@code records} holds every record of them
     * (a record missing, deleted since its keys were written, pairs with nobody).
     */
    public List<Spilled> score(List<Block> blocks, List<VictimReport> records, LongPredicate isNew) {
        for (Block block : blocks) {
            if (validCount > 0 && block.keyHash() <= valid[validCount - 1]) {
                throw new IllegalArgumentException("blocks must come in ascending order of their hashes");
            }
            if (validCount == valid.length) {
                valid = Arrays.copyOf(valid, validCount * 2);
            }
            valid[validCount++] = block.keyHash();
        }
        Map<Long, Entry> byId = new HashMap<>(records.size() * 2);
        records.parallelStream().map(report -> {
            Prepared record = new Prepared(report);
            long[] hashes = linkage.keys(record).stream().mapToLong(keyHash).distinct().toArray();
            Arrays.sort(hashes);
            return new Entry(record, hashes);
        }).toList().forEach(entry -> byId.put(entry.record().id, entry));
        List<Spilled> spilled = Collections.synchronizedList(new ArrayList<>());
        blocks.parallelStream().forEach(block -> {
            long[] members = block.members();
            List<Spilled> found = new ArrayList<>();
            for (int x = 0; x < members.length; x++) {
                Entry a = byId.get(members[x]);
                if (a == null) {
                    continue;
                }
                boolean aNew = isNew.test(members[x]);
                for (int y = x + 1; y < members.length; y++) {
                    Entry b = byId.get(members[y]);
                    if (b == null || !aNew && !isNew.test(members[y]) || a.record().id == b.record().id
                            || smallestValidShared(a.hashes(), b.hashes()) != block.keyHash()
                            || Linkage.conflict(a.record(), b.record())) {
                        continue;
                    }
                    if (scorer.reaches(a.record(), b.record(), threshold)) {
                        ScoredPair pair = a.record().id < b.record().id ? scorer.explain(a.record(), b.record())
                                : scorer.explain(b.record(), a.record());
                        found.add(new Spilled(pair.victimA(), pair.victimB(), pair.weight(), pair.probability(),
                                Clustering.namesDisagree(pair)));
                    }
                }
            }
            spilled.addAll(found);
        });
        return spilled;
    }

    private long smallestValidShared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                if (Arrays.binarySearch(valid, 0, validCount, a[i]) >= 0) {
                    return a[i];
                }
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Long.MIN_VALUE;
    }

    /** Whether a pair's names have nothing in common (clustering does not link it, whatever its probability). */
    public static boolean namesDisagree(ScoredPair pair) {
        return Clustering.namesDisagree(pair);
    }

    /** These pairs with every comparison's level and weight; {@code records} holds the records of them. */
    public List<ScoredPair> explain(List<VictimReport> records, List<VictimPair> pairs) {
        Map<Long, Prepared> byId = new HashMap<>(records.size() * 2);
        records.parallelStream().map(Prepared::new).toList().forEach(record -> byId.put(record.id, record));
        return pairs.parallelStream().map(pair -> scorer.explain(byId.get(pair.a()), byId.get(pair.b()))).toList();
    }
}
