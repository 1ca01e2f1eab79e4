package org.gugus.persons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import org.gugus.persons.linkage.PreparedRecords;

/**
 * A large first load's rows prepared ahead of its publish's commit for a bounded run ({@link RecordsPreparedAhead},
 * {@link BoundedResolution}), in bounded memory: each row's prepared record (its keys and normalised fields as the run
 * keeps them, {@link PreparedRecords#addPrepared}) in a file of the temporary folder no other
 * process can open (readable by this user only, unlinked as soon as it is open where the system allows it, gone at the
 * close however the process ends: the records carry names and NIKs), in the file's format of a run's own records, so
 * that a run taking every record at its place can adopt it whole ({@link #handOver}); on the heap only each row's digest
 * of its linkage values ({@link LinkageDigests#digest}), the place of its bytes, and its valid NIK and sex as clustering
 * takes them, in primitive arrays (about 41 bytes a row: 41 MB at a million). The run finds a pending record's prepared
 * bytes by the record's digest ({@link #find}); rows of equal digests are one entry (equal values), unless their
 * prepared bytes differ, when the digest is held for none (their records are read whole). One thread adds the rows,
 * then one reads them ({@link #flush} between).
 */
final class RecordsKeptAhead implements AutoCloseable {

    private static final VarHandle HALVES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** In {@link #table}: a slot no digest took. */
    private static final int EMPTY = 0;

    private final FileChannel file;
    /** The digests' slots: a row's index plus one, or {@link #EMPTY}; at most half of them taken. */
    private int[] table;
    private long[] high;
    private long[] low;
    /** Where each row's bytes start in the file; the next one's start (or {@link #end}) is where they stop. */
    private long[] starts;
    /** Each row's valid NIK and sex, as clustering takes them. */
    private long[] niks;
    private byte[] sexes;
    /** Whether the file was handed over to a run's records ({@link #handOver}): closed by them, not here. */
    private boolean handedOver;
    /**
     * Whether the file holds one row for each place, in the places' order (every row's values digested and distinct,
     * read in the file's order): a bounded run can then adopt it whole ({@link #handOver}).
     */
    private boolean inPlaceOrder;
    /** The rows whose digest another row's different bytes share: held for neither. */
    private final BitSet ambiguous = new BitSet();
    private final ByteBuffer writing = ByteBuffer.allocate(1 << 20);
    /**
     * Each row read, in the order read: its ordinal in the high half, its kept row plus one in the low half (0: none,
     * its digest unknown); sorted by ordinal once every row is added ({@link #flush}), the file's order.
     */
    private long[] places;
    private int placed;
    /** What was read, for the run to take the rows by their places (null until every row is added). */
    private RowsReadAhead read;
    private int count;
    private long end;
    private long written;

    /** Room for this many rows at most (the rows staged). */
    RecordsKeptAhead(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        table = new int[slots];
        high = new long[Math.max(1, capacity)];
        low = new long[high.length];
        starts = new long[high.length];
        niks = new long[high.length];
        sexes = new byte[high.length];
        places = new long[high.length];
        try {
            Path path = Files.createTempFile("gugus-bounded-ahead", ".bin");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A row's prepared record kept by its linkage values' digest (null: a value the server would write otherwise,
     * nothing kept), at the row's ordinal; false when the rows are as many as there is room for (nothing kept). A
     * digest held already is kept once.
     */
    boolean add(int ordinal, byte[] digest, long validNik, byte sex, byte[] prepared) {
        if (placed == places.length) {
            return false;
        }
        int row = digest == null ? -1 : add(digest, validNik, sex, prepared);
        places[placed++] = (long) ordinal << 32 | (row + 1);
        return true;
    }

    private int add(byte[] digest, long validNik, byte sex, byte[] prepared) {
        long first = (long) HALVES.get(digest, 0);
        long second = (long) HALVES.get(digest, 8);
        int slot = slot(first, second);
        if (table[slot] != EMPTY) {
            int row = table[slot] - 1;
            if (!ambiguous.get(row) && (niks[row] != validNik || sexes[row] != sex
                    || !Arrays.equals(bytes(row), prepared))) {
                ambiguous.set(row);
            }
            return row;
        }
        high[count] = first;
        low[count] = second;
        starts[count] = end;
        niks[count] = validNik;
        sexes[count] = sex;
        table[slot] = ++count;
        write(prepared);
        return count - 1;
    }

    /**
     * Every row added, read in one statement with {@code writers} (sorted): its rows put in the file's order, so that
     * the run can take the i-th of the file's records from the i-th row ({@link #atPlace}).
     */
    void allRead(long fileId, long[] writers) {
        flush();
        places = Arrays.copyOf(places, placed);
        Arrays.sort(places); // ordinals are positive and distinct: by ordinal
        read = new RowsReadAhead(fileId, placed, writers);
        boolean ordered = count == placed && ambiguous.isEmpty();
        for (int place = 0; place < placed && ordered; place++) {
            ordered = (int) places[place] - 1 == place;
        }
        inPlaceOrder = ordered;
    }

    /**
     * Whether the file holds exactly the rows' prepared records one for each place, in the places' order (the rows
     * streamed in the file's order, every one digested, no two of equal values): a run taking every record at its
     * place can adopt the file whole as its own records' ({@link #handOver}) rather than copy each record's bytes.
     */
    boolean inPlaceOrder() {
        return inPlaceOrder;
    }

    /**
     * The file handed over whole to a bounded run's records ({@link PreparedRecords#adopt}), the i-th row's bytes under
     * the i-th of {@code ids} (the file's i-th record by id is its i-th row, as the publish vouched): only when
     * {@link #inPlaceOrder} and the ids are as many as the rows. The file is theirs to close from here.
     */
    void handOver(PreparedRecords records, long[] ids) {
        if (!inPlaceOrder || ids.length != count) {
            throw new IllegalStateException("the rows kept are not one for each record in its order");
        }
        flush();
        records.adopt(file, ids, Arrays.copyOf(starts, count), end);
        handedOver = true;
    }

    /** What was read (null until {@link #allRead}). */
    RowsReadAhead read() {
        return read;
    }

    /** The row kept for the file's row at this place (its i-th by ordinal), or -1 when none is (or it is ambiguous). */
    int atPlace(int place) {
        int row = (int) places[place] - 1;
        return row < 0 || ambiguous.get(row) ? -1 : row;
    }

    /** How many distinct digests are kept. */
    int size() {
        return count;
    }

    /** The row kept for a record of this digest, or -1 when none is (or its digest is ambiguous). */
    int find(byte[] digest) {
        if (digest == null || digest.length != 16) {
            return -1;
        }
        int row = table[slot((long) HALVES.get(digest, 0), (long) HALVES.get(digest, 8))] - 1;
        return row < 0 || ambiguous.get(row) ? -1 : row;
    }

    /** A kept row's valid NIK, as clustering takes it. */
    long validNik(int row) {
        return niks[row];
    }

    /** A kept row's sex, as clustering takes it. */
    byte sex(int row) {
        return sexes[row];
    }

    /** A kept row's prepared record ({@link PreparedRecords#bytes}), under no id. */
    byte[] bytes(int row) {
        flush();
        long stop = row + 1 < count ? starts[row + 1] : end;
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(stop - starts[row]));
        try {
            while (bytes.hasRemaining()) {
                if (file.read(bytes, starts[row] + bytes.position()) < 0) {
                    throw new IOException("the rows kept ahead end early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.array();
    }

    /** Writes what is buffered: once every row is added, before the rows are read. */
    void flush() {
        writing.flip();
        try {
            while (writing.hasRemaining()) {
                written += file.write(writing, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writing.clear();
    }

    private void write(byte[] bytes) {
        if (bytes.length > writing.remaining()) {
            flush();
        }
        if (bytes.length > writing.capacity()) {
            ByteBuffer large = ByteBuffer.wrap(bytes);
            try {
                while (large.hasRemaining()) {
                    written += file.write(large, written);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            writing.put(bytes);
        }
        end += bytes.length;
    }

    /** The digest's slot: the one holding it, else the empty one it would take. */
    private int slot(long first, long second) {
        int mask = table.length - 1;
        // an MD5 digest's bits are already spread: its low half picks the slot
        int slot = (int) second & mask;
        while (table[slot] != EMPTY && (high[table[slot] - 1] != first || low[table[slot] - 1] != second)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Closes the file (its rows gone) and lets the digests go: once the run has taken the rows, their 32 MB at a million
     * are garbage for the rest of it (held by the run's caller until its end, they made the scoring's collections
     * copy them under a heap of 256 MB).
     */
    @Override
    public void close() {
        table = null;
        places = null;
        high = null;
        low = null;
        starts = null;
        niks = null;
        sexes = null;
        if (handedOver) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
