package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The candidate pairs of some records in memory: every record's blocking keys hashed and sorted, so
 * that each key's block is a run of the sorted array. A key held by more records than its rule's cap
 * ({@link BlockingRule#maxBlockSize}) makes no pairs. A pair sharing several keys is visited once, in
 * the block of the smallest key hash the two share.
 */
final class Candidates {

    /** Visits one candidate pair (indexes into the records, {@code i < j}); called from several threads. */
    interface PairVisitor {
        void visit(int i, int j);
    }

    private final long[] entries;
    private final int indexBits;
    private final long[][] keys;
    private final int[] blockStarts;
    private final int[] blockEnds;
    private final long pairs;
    private final int skippedBlocks;

    /** The lowest bits of a key's hash in memory: its rule, so that a block knows its cap. */
    private static final int RULE_BITS = 3;

    Candidates(List<Prepared> records, List<BlockingRule> rules, LinkageSettings settings) {
        int[] maxBlockSize = new int[1 << RULE_BITS];
        rules.forEach(rule -> maxBlockSize[rule.ordinal()] = rule.maxBlockSize(settings));
        int n = records.size();
        indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        if (indexBits > 30) {
            throw new IllegalArgumentException("too many records for one run: " + n);
        }
        long[][] recordKeys = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            List<Long> ruleHashes = new ArrayList<>();
            for (BlockingRule rule : rules) {
                long ruleBits = rule.ordinal();
                rule.keys(records.get(i), key -> ruleHashes.add(Linkage.keyHash(key) >>> indexBits
                        & -1L << RULE_BITS | ruleBits));
            }
            long[] hashes = ruleHashes.stream().mapToLong(Long::longValue).distinct().toArray();
            Arrays.sort(hashes);
            recordKeys[i] = hashes;
        });
        int total = Arrays.stream(recordKeys).mapToInt(k -> k.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (long hash : recordKeys[i]) {
                all[at++] = hash << indexBits | i;
            }
        }
        Arrays.parallelSort(all);
        entries = all;
        List<int[]> blocks = new ArrayList<>();
        List<Long> oversized = new ArrayList<>();
        long pairCount = 0;
        for (int start = 0; start < all.length; ) {
            long key = all[start] >>> indexBits;
            int end = start + 1;
            while (end < all.length && all[end] >>> indexBits == key) {
                end++;
            }
            int size = end - start;
            if (size > maxBlockSize[(int) (key & (1 << RULE_BITS) - 1)]) {
                oversized.add(key);
            } else if (size > 1) {
                blocks.add(new int[] {start, end});
                pairCount += (long) size * (size - 1) / 2;
            }
            start = end;
        }
        if (!oversized.isEmpty()) {
            long[] skip = oversized.stream().mapToLong(Long::longValue).sorted().toArray();
            IntStream.range(0, n).parallel().forEach(i -> recordKeys[i] = Arrays.stream(recordKeys[i])
                    .filter(h -> Arrays.binarySearch(skip, h) < 0).toArray());
        }
        keys = recordKeys;
        blockStarts = blocks.stream().mapToInt(b -> b[0]).toArray();
        blockEnds = blocks.stream().mapToInt(b -> b[1]).toArray();
        pairs = pairCount;
        skippedBlocks = oversized.size();
    }

    /** Pairs in all blocks, counting a pair once per block it is in (an upper bound of the distinct pairs). */
    long pairsWithRepeats() {
        return pairs;
    }

    int skippedBlocks() {
        return skippedBlocks;
    }

    /** Visits every distinct candidate pair once, blocks in parallel. */
    void forEachPair(PairVisitor visitor) {
        forEachPair(visitor, 1, 0);
    }

    /**
     * Visits the distinct pairs of a seeded sample of the blocks, each block taken with probability
     * {@code share}: a sample of the candidate pairs without going through them all.
     */
    void forEachPair(PairVisitor visitor, double share, long seed) {
        long mask = (1L << indexBits) - 1;
        long threshold = (long) (Math.min(1, share) * (1L << 53));
        IntStream.range(0, blockStarts.length).parallel().forEach(b -> {
            if (share < 1 && (Estimation.mix(seed ^ entries[blockStarts[b]]) >>> 11) >= threshold) {
                return;
            }
            int start = blockStarts[b];
            int end = blockEnds[b];
            long key = entries[start] >>> indexBits;
            for (int x = start; x < end; x++) {
                int i = (int) (entries[x] & mask);
                for (int y = x + 1; y < end; y++) {
                    int j = (int) (entries[y] & mask);
                    if (smallestShared(keys[i], keys[j]) == key) {
                        visitor.visit(Math.min(i, j), Math.max(i, j));
                    }
                }
            }
        });
    }

    private static long smallestShared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return a[i];
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return -1;
    }
}
