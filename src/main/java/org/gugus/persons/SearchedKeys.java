package org.gugus.persons;

import java.util.Arrays;
import java.util.Map;

/**
 * The block keys an incremental run searches by: each key hash with the most records its block may
 * hold (the smallest cap given for it) and how many of the run's new records hold it. Primitive arrays
 * (open addressing), not maps of boxed numbers: a 100,000-record load has about 800,000 keys, which as
 * two {@code HashMap<Long, Integer>} kept some 100 MB of small objects alive for the collector to copy.
 */
final class SearchedKeys {

    private long[] hashes;
    private int[] caps;
    private int[] holders;
    private boolean[] used;
    private int size;

    SearchedKeys(int expected) {
        int slots = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        hashes = new long[slots];
        caps = new int[slots];
        holders = new int[slots];
        used = new boolean[slots];
    }

    /** Keys and caps, with the new records holding each (none when absent from {@code newHolders}). */
    static SearchedKeys of(Map<Long, Integer> keyCaps, Map<Long, Integer> newHolders) {
        SearchedKeys keys = new SearchedKeys(keyCaps.size());
        keyCaps.forEach((hash, cap) -> keys.add(hash, cap, newHolders.getOrDefault(hash, 0)));
        return keys;
    }

    /** A key held by a record: its cap kept if smaller, {@code held} new records added to its holders. */
    void add(long hash, int cap, int held) {
        if (size * 2 >= hashes.length) {
            grow();
        }
        int slot = slot(hash);
        if (!used[slot]) {
            used[slot] = true;
            hashes[slot] = hash;
            caps[slot] = cap;
            size++;
        } else {
            caps[slot] = Math.min(caps[slot], cap);
        }
        holders[slot] += held;
    }

    int size() {
        return size;
    }

    boolean contains(long hash) {
        return used[slot(hash)];
    }

    /**
     * How many stored records the key's block may still hold besides the run's new ones (its cap less
     * its new holders); {@link Integer#MIN_VALUE} when the key is not searched for.
     */
    int room(long hash) {
        int slot = slot(hash);
        return used[slot] ? caps[slot] - holders[slot] : Integer.MIN_VALUE;
    }

    /** Visits every key with its room ({@link #room}). */
    void forEach(KeyRoom visitor) {
        for (int slot = 0; slot < hashes.length; slot++) {
            if (used[slot]) {
                visitor.visit(hashes[slot], caps[slot] - holders[slot]);
            }
        }
    }

    @FunctionalInterface
    interface KeyRoom {
        void visit(long hash, int room);
    }

    private int slot(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) (mix(hash) & mask);
        while (used[slot] && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long hash) {
        long h = hash * 0x9e3779b97f4a7c15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldCaps = caps;
        int[] oldHolders = holders;
        boolean[] oldUsed = used;
        hashes = new long[oldHashes.length * 2];
        caps = new int[hashes.length];
        holders = new int[hashes.length];
        used = new boolean[hashes.length];
        size = 0;
        for (int slot = 0; slot < oldHashes.length; slot++) {
            if (oldUsed[slot]) {
                int to = slot(oldHashes[slot]);
                used[to] = true;
                hashes[to] = oldHashes[slot];
                caps[to] = oldCaps[slot];
                holders[to] = oldHolders[slot];
                size++;
            }
        }
        Arrays.fill(oldUsed, false);
    }
}
