package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * A large run's block keys (key hash, record) grouped by key here, a range of hashes at a time, for the blocks' rows:
 * a bounded run's ({@link BoundedKeysAside}) and a run's over every record ({@link PersonStore#replaceAllBlockKeys}).
 * The server grouping a million records' 7 million keys took 14 s of its time while the run scored on both cores
 * (issue 13). The keys are spread over ranges of their hashes as they are given, each
 * range in a temporary file of its own (readable by this user only, gone at the close however the process ends), as
 * {@link PairingBlocks} spreads them; then each range is read back and sorted in turn ({@link BlockKeyRows}): at most
 * one range's keys on the heap (about 250,000, 8 MB with the sort's copy).
 */
final class BlockKeyRanges implements AutoCloseable {

    /** Bytes of a key in a range's file: its hash and its record. */
    private static final int KEY_BYTES = 16;
    /** About this many keys a range. */
    private static final int RANGE_KEYS = 1 << 18;

    private final int bits;
    private final FileChannel[] ranges;
    private final ByteBuffer[] pending;
    private final int[] counts;

    /** Ranges for about this many keys. */
    BlockKeyRanges(long expectedKeys) {
        int wanted = 0;
        while (wanted < 12 && expectedKeys >> wanted > RANGE_KEYS) {
            wanted++;
        }
        bits = wanted;
        int count = 1 << bits;
        ranges = new FileChannel[count];
        pending = new ByteBuffer[count];
        counts = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                ranges[i] = PairingBlocks.temporaryFile();
                pending[i] = ByteBuffer.allocate(KEY_BYTES << 10);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** A key of a record. */
    void add(long hash, long victim) {
        int range = range(hash);
        ByteBuffer buffer = pending[range];
        if (!buffer.hasRemaining()) {
            flush(range);
        }
        buffer.putLong(hash).putLong(victim);
        counts[range]++;
    }

    /**
     * Each range's keys sorted by hash ({@link BlockKeyRows}), the ranges in the order of their hashes (signed, as
     * PostgreSQL orders a {@code bigint}): all the keys given, in the order of the blocks' primary key.
     */
    void forEachRange(Consumer<BlockKeyRows> sorted) {
        for (int range = 0; range < ranges.length; range++) {
            flush(range);
            int count = counts[range];
            long[] hashes = new long[count];
            long[] victims = new long[count];
            ByteBuffer bytes = ByteBuffer.allocate(KEY_BYTES << 12);
            try {
                long at = 0;
                int row = 0;
                while (row < count) {
                    bytes.clear();
                    bytes.limit((int) Math.min(bytes.capacity(), (long) (count - row) * KEY_BYTES));
                    while (bytes.hasRemaining()) {
                        int read = ranges[range].read(bytes, at + bytes.position());
                        if (read < 0) {
                            throw new IOException("a range of block keys ended early");
                        }
                    }
                    at += bytes.limit();
                    bytes.flip();
                    while (bytes.hasRemaining()) {
                        hashes[row] = bytes.getLong();
                        victims[row++] = bytes.getLong();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sorted.accept(BlockKeyRows.sorted(hashes, victims));
        }
    }

    /** The range of a hash: its top bits with the sign bit flipped, so that ranges follow the signed order. */
    private int range(long hash) {
        return bits == 0 ? 0 : (int) ((hash ^ Long.MIN_VALUE) >>> (64 - bits));
    }

    private void flush(int range) {
        ByteBuffer buffer = pending[range].flip();
        try {
            while (buffer.hasRemaining()) {
                ranges[range].write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        for (FileChannel range : ranges) {
            if (range != null) {
                try {
                    range.close();
                } catch (IOException e) {
                    // deleted at its close or at the process's end
                }
            }
        }
    }
}
