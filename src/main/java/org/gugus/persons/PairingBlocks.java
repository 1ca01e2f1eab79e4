package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The blocks of a bounded run that pair (at least two records, no more than the smallest cap of the run's keys making
 * them; a block of stored records alone has no cap and does not pair), grouped here from the run's keys and the store's
 * few rather than by the server: at a million records the server sorted 7 million keys, copied first into a temporary
 * table, on the run's one connection while the keys written aside took the other core (issue 13). The keys are spread
 * over ranges of their hashes as they are given, each range in a temporary file of its own (readable by this user only,
 * gone at the close however the process ends), then each range read back, sorted and grouped in turn: at most one
 * range's keys on the heap (about 250,000). The blocks come in ascending order of their hashes, each one's records in
 * ascending order of their ids, as the server's {@code array_agg(victim_id order by victim_id)} gave them.
 */
final class PairingBlocks implements AutoCloseable {

    /** A stored key's cap: none (the block pairs only when a key of the run's makes it). */
    private static final int NO_CAP = -1;
    /** Bytes of a key in a range's file: its hash, its record, its cap. */
    private static final int KEY_BYTES = 20;
    /** About this many keys a range. */
    private static final int RANGE_KEYS = 1 << 18;

    /** A block that pairs: its key hash and the first {@code size} of {@code members}, ascending. */
    interface Blocks {
        void block(long keyHash, long[] members, int size);
    }

    private final int bits;
    private final FileChannel[] ranges;
    private final ByteBuffer[] pending;
    private final long[] written;

    /** Ranges for about this many keys. */
    PairingBlocks(long expectedKeys) {
        this(bitsFor(expectedKeys));
    }

    /** {@code 2^bits} ranges of hashes. */
    PairingBlocks(int bits) {
        this.bits = bits;
        int count = 1 << bits;
        ranges = new FileChannel[count];
        pending = new ByteBuffer[count];
        written = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                Path path = Files.createTempFile("gugus-bounded-keys", ".bin");
                ranges[i] = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                pending[i] = ByteBuffer.allocate(KEY_BYTES << 11);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private static int bitsFor(long expectedKeys) {
        int bits = 0;
        while (bits < 10 && expectedKeys >> bits > RANGE_KEYS) {
            bits++;
        }
        return bits;
    }

    /** A key of the run's: its block pairs from two records up to the smallest cap of the run's keys making it. */
    void runKey(long hash, long victim, int cap) {
        put(hash, victim, cap);
    }

    /** A key the store holds for a record outside the run. */
    void storedKey(long hash, long victim) {
        put(hash, victim, NO_CAP);
    }

    private void put(long hash, long victim, int cap) {
        int range = range(hash);
        ByteBuffer buffer = pending[range];
        if (buffer.remaining() < KEY_BYTES) {
            flush(range);
        }
        buffer.putLong(hash).putLong(victim).putInt(cap);
    }

    /** The range of a hash: ranges ascend with the hashes they hold, as signed numbers. */
    private int range(long hash) {
        return bits == 0 ? 0 : (int) ((hash >> (64 - bits)) + (1 << (bits - 1)));
    }

    private void flush(int range) {
        ByteBuffer buffer = pending[range].flip();
        try {
            while (buffer.hasRemaining()) {
                written[range] += ranges[range].write(buffer, written[range]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    /** Gives each block that pairs, in ascending order of their hashes; returns those hashes, in that order. */
    long[] group(Blocks blocks) {
        long[] hashes = new long[1024];
        int found = 0;
        long[] members = new long[16];
        for (int range = 0; range < ranges.length; range++) {
            Keys keys = read(range);
            int n = keys.size;
            int[] order = keys.sortedByHash();
            for (int start = 0; start < n; ) {
                long hash = keys.hashes[order[start]];
                int end = start;
                int cap = Integer.MAX_VALUE;
                boolean capped = false;
                while (end < n && keys.hashes[order[end]] == hash) {
                    int keyCap = keys.caps[order[end]];
                    if (keyCap != NO_CAP) {
                        capped = true;
                        cap = Math.min(cap, keyCap);
                    }
                    end++;
                }
                int size = end - start;
                if (capped && size >= 2 && size <= cap) {
                    if (members.length < size) {
                        members = new long[Integer.highestOneBit(size) * 2];
                    }
                    for (int k = 0; k < size; k++) {
                        members[k] = keys.victims[order[start + k]];
                    }
                    Arrays.sort(members, 0, size);
                    blocks.block(hash, members, size);
                    if (found == hashes.length) {
                        hashes = Arrays.copyOf(hashes, found * 2);
                    }
                    hashes[found++] = hash;
                }
                start = end;
            }
        }
        return Arrays.copyOf(hashes, found);
    }

    private Keys read(int range) {
        flush(range);
        int n = Math.toIntExact(written[range] / KEY_BYTES);
        Keys keys = new Keys(n);
        ByteBuffer buffer = pending[range];
        long at = 0;
        int k = 0;
        try {
            while (at < written[range]) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), written[range] - at));
                while (buffer.hasRemaining()) {
                    int read = ranges[range].read(buffer, at + buffer.position());
                    if (read < 0) {
                        throw new IOException("a range of block keys ended early");
                    }
                }
                at += buffer.flip().limit();
                while (buffer.hasRemaining()) {
                    keys.hashes[k] = buffer.getLong();
                    keys.victims[k] = buffer.getLong();
                    keys.caps[k++] = buffer.getInt();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
        return keys;
    }

    /** A range's keys as read, in the order given. */
    private static final class Keys {

        final long[] hashes;
        final long[] victims;
        final int[] caps;
        final int size;

        Keys(int size) {
            this.size = size;
            hashes = new long[size];
            victims = new long[size];
            caps = new int[size];
        }

        /** The keys' indexes in ascending order of their hashes as signed numbers (a radix sort, 16 bits a pass). */
        int[] sortedByHash() {
            int[] order = new int[size];
            int[] other = new int[size];
            long[] sorting = new long[size];
            long[] otherKeys = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
                sorting[i] = hashes[i] ^ Long.MIN_VALUE; // signed order as unsigned
            }
            int[] counts = new int[1 << 16];
            for (int shift = 0; shift < 64; shift += 16) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < size; i++) {
                    counts[(int) (sorting[i] >>> shift) & 0xFFFF]++;
                }
                int sum = 0;
                for (int d = 0; d < counts.length; d++) {
                    int c = counts[d];
                    counts[d] = sum;
                    sum += c;
                }
                for (int i = 0; i < size; i++) {
                    int at = counts[(int) (sorting[i] >>> shift) & 0xFFFF]++;
                    otherKeys[at] = sorting[i];
                    other[at] = order[i];
                }
                long[] keys = sorting;
                sorting = otherKeys;
                otherKeys = keys;
                int[] indexes = order;
                order = other;
                other = indexes;
            }
            return order;
        }
    }

    @Override
    public void close() {
        for (FileChannel range : ranges) {
            if (range != null) {
                try {
                    range.close();
                } catch (IOException e) {
                    // the file goes with the channel, whatever the close says
                }
            }
        }
    }
}
