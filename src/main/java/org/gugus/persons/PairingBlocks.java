package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.gugus.persons.linkage.BlockScoring;
import org.gugus.persons.linkage.PreparedRecords;

/**
 * The blocks of a bounded run that pair (at least two records, no more than the smallest cap of the run's keys making
 * them; a block of stored records alone has no cap and does not pair), grouped here from the run's keys and the store's
 * few rather than by the server: at a million records the server sorted 7 million keys, copied first into a temporary
 * table, on the run's one connection while the keys written aside took the other core (issue 13). The keys are spread
 * over ranges of their hashes as they are given, each range in a temporary file of its own (readable by this user only,
 * gone at the close however the process ends), then each range read back, sorted and grouped in turn: at most one
 * range's keys on the heap (about 250,000). The blocks that pair go into a file of their own, read back by the scoring
 * a page at a time ({@link #nextBlocks}) rather than copied into a temporary table, indexed and read back from the
 * server in pages, each record id boxed. They come in ascending order of their hashes, each one's records in
 * ascending order of their ids, as the server's {@code array_agg(victim_id order by victim_id)} gave them.
 */
final class PairingBlocks implements AutoCloseable {

    /** A stored key's cap: none (the block pairs only when a key of the run's makes it). */
    private static final int NO_CAP = -1;
    /**
     * Bytes of a key in a range's file: its hash, its record, its cap, its place among the run's keys (its record's
     * index above {@link #KEY_BITS}, its own index in the record below them; or {@link #NO_PLACE}).
     */
    private static final int KEY_BYTES = 24;
    /** A key's place when none: a stored key, or a run's key past those a mask marks. */
    private static final int NO_PLACE = -1;
    /** Bits of a key's place for the key's index in its record; the record's index above them. */
    private static final int KEY_BITS = 5;
    /** About this many keys a range. */
    private static final int RANGE_KEYS = 1 << 18;

    private final int bits;
    private final FileChannel[] ranges;
    private final ByteBuffer[] pending;
    private final long[] written;
    /**
     * For each record of the run's, in the order given ({@link #runKeys}), its keys whose blocks pair as bits
     * ({@link PreparedRecords#keepValidKeys}); null when keys came without their records.
     */
    private int[] validKeys = new int[1024];
    private int records;
    /** The blocks that pair, each as its hash, its size and its records; written once, then read through once. */
    private FileChannel blocks;
    private long blocksEnd;
    private long readAt;
    private ByteBuffer reading = ByteBuffer.allocate(0);

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
                ranges[i] = temporaryFile();
                pending[i] = ByteBuffer.allocate(KEY_BYTES << 11);
            }
            blocks = temporaryFile();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the temporary folder, readable by this user only, unlinked as it is opened. */
    static FileChannel temporaryFile() throws IOException {
        Path path = Files.createTempFile("gugus-bounded-blocks", ".bin");
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    private static int bitsFor(long expectedKeys) {
        int bits = 0;
        while (bits < 10 && expectedKeys >> bits > RANGE_KEYS) {
            bits++;
        }
        return bits;
    }

    /**
     * A key of the run's, without its record: its block pairs from two records up to the smallest cap of the run's
     * keys making it. The blocks then mark no record's keys ({@link #validKeys}).
     */
    void runKey(long hash, long victim, int cap) {
        validKeys = null;
        put(hash, victim, cap, NO_PLACE);
    }

    /**
     * The keys of the run's next record (records come in the order the run holds them, {@link PreparedRecords}):
     * each key's block pairs from two records up to the smallest cap of the run's keys making it; each key that
     * makes a block that pairs is marked for the record ({@link #validKeys}).
     */
    void runKeys(long victim, long[] hashes, int[] caps) {
        int record = records++;
        boolean marked = validKeys != null && record < 1 << 31 - KEY_BITS;
        if (marked) {
            if (record == validKeys.length) {
                validKeys = Arrays.copyOf(validKeys, record * 2);
            }
            // more keys than a mask marks: the scoring looks each one up
            validKeys[record] = hashes.length > PreparedRecords.MASKED_KEYS ? 1 << PreparedRecords.MASKED_KEYS : 0;
        } else {
            validKeys = null;
        }
        for (int k = 0; k < hashes.length; k++) {
            put(hashes[k], victim, caps[k], marked && k < PreparedRecords.MASKED_KEYS ? record << KEY_BITS | k : NO_PLACE);
        }
    }

    /** A key the store holds for a record outside the run. */
    void storedKey(long hash, long victim) {
        put(hash, victim, NO_CAP, NO_PLACE);
    }

    private void put(long hash, long victim, int cap, int place) {
        int range = range(hash);
        ByteBuffer buffer = pending[range];
        if (buffer.remaining() < KEY_BYTES) {
            flush(range);
        }
        buffer.putLong(hash).putLong(victim).putInt(cap).putInt(place);
    }

    /** The range of a hash: ranges ascend with the hashes they hold, as signed numbers. */
    private int range(long hash) {
        return bits == 0 ? 0 : (int) ((hash >> (64 - bits)) + (1 << (bits - 1)));
    }

    private void flush(int range) {
        written[range] = write(ranges[range], pending[range], written[range]);
    }

    /** Writes the buffer's bytes at that place of the file and clears it; returns the end of what it wrote. */
    private static long write(FileChannel file, ByteBuffer buffer, long at) {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                at += file.write(buffer, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
        return at;
    }

    /**
     * Groups the keys given and keeps the blocks that pair, to be read back in ascending order of their hashes
     * ({@link #nextBlocks}); returns those hashes, in that order. The ranges' files are closed after. {@code idAt}
     * gives the id of the run's record at an index (of those given to {@link #runKeys}, in their order): each key
     * marked is checked to be its record's.
     */
    long[] group(IntToLongFunction idAt) {
        long[] hashes = new long[1024];
        int found = 0;
        long[] members = new long[16];
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
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
                        int key = order[start + k];
                        members[k] = keys.victims[key];
                        int place = keys.places[key];
                        if (place != NO_PLACE && validKeys != null) {
                            int record = place >>> KEY_BITS;
                            if (idAt.applyAsLong(record) != members[k]) {
                                throw new IllegalStateException("the run's keys came in another order than its records");
                            }
                            validKeys[record] |= 1 << (place & (1 << KEY_BITS) - 1);
                        }
                    }
                    // the sort by hashes keeps the order keys were given in among a block's (a first load's come in
                    // the order of their records' ids): sorted then, unless stored keys were added
                    if (!ascending(members, size)) {
                        Arrays.sort(members, 0, size);
                    }
                    if (out.remaining() < 12 + 8 * size) {
                        blocksEnd = write(blocks, out, blocksEnd);
                        if (out.capacity() < 12 + 8 * size) {
                            out = ByteBuffer.allocate(12 + 8 * size);
                        }
                    }
                    out.putLong(hash).putInt(size);
                    for (int k = 0; k < size; k++) {
                        out.putLong(members[k]);
                    }
                    if (found == hashes.length) {
                        hashes = Arrays.copyOf(hashes, found * 2);
                    }
                    hashes[found++] = hash;
                }
                start = end;
            }
            close(ranges[range]);
        }
        blocksEnd = write(blocks, out, blocksEnd);
        reading = ByteBuffer.allocate(1 << 20).flip();
        return Arrays.copyOf(hashes, found);
    }

    /**
     * Once grouped, for each record of the run's in the order given, the keys whose blocks pair as bits (bit k for its
     * k-th key; {@link PreparedRecords#keepValidKeys}); null when keys came without their records.
     */
    int[] validKeys() {
        return validKeys == null ? null : Arrays.copyOf(validKeys, records);
    }

    private static boolean ascending(long[] values, int size) {
        for (int i = 1; i < size; i++) {
            if (values[i - 1] > values[i]) {
                return false;
            }
        }
        return true;
    }

    /** The next blocks that pair, at most that many, in ascending order of their hashes; none at the end. */
    List<BlockScoring.Block> nextBlocks(int most) {
        List<BlockScoring.Block> page = new ArrayList<>();
        while (page.size() < most && (reading.hasRemaining() || readAt < blocksEnd)) {
            ensure(12);
            long hash = reading.getLong();
            long[] members = new long[reading.getInt()];
            ensure(8 * members.length);
            for (int k = 0; k < members.length; k++) {
                members[k] = reading.getLong();
            }
            page.add(new BlockScoring.Block(hash, members));
        }
        return page;
    }

    /** At least that many bytes of the blocks' file in {@code reading}, read on from where it stopped. */
    private void ensure(int bytes) {
        if (reading.remaining() >= bytes) {
            return;
        }
        reading = reading.capacity() >= bytes ? reading.compact() : ByteBuffer.allocate(bytes).put(reading);
        try {
            while (reading.position() < bytes) {
                reading.limit((int) Math.min(reading.capacity(), reading.position() + blocksEnd - readAt));
                int read = blocks.read(reading, readAt);
                if (read <= 0) {
                    throw new IOException("the blocks' file ended early");
                }
                readAt += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reading.flip();
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
                    keys.caps[k] = buffer.getInt();
                    keys.places[k++] = buffer.getInt();
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
        final int[] places;
        final int size;

        Keys(int size) {
            this.size = size;
            hashes = new long[size];
            victims = new long[size];
            caps = new int[size];
            places = new int[size];
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
            close(range);
        }
        close(blocks);
    }

    private static void close(FileChannel file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // the file goes with the channel, whatever the close says
            }
        }
    }
}
