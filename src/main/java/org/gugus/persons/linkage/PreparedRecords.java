package org.gugus.persons.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new records of a bounded run ({@link BlockScoring}), each normalised once, kept as bytes outside the heap
 * while the run goes through its blocks: a record sits in about six blocks, spread over as many groups, and was
 * read and normalised again for each of them. The bytes are in a file of the temporary folder that no other
 * process can open: readable by this user only, and unlinked as soon as it is open where the system allows it
 * (its name gone, its space freed when the run closes it or the process ends, however it ends); records carry
 * names and NIKs. Not safe for adding from several threads; reading is.
 * <p>
 * A record is read back from a map of the file ({@link #read}), not by a read call of its own: a run of a million
 * records reads about six million of them, a few hundred bytes each, and on a virtual machine a read call into the
 * kernel costs about 2 µs where a copy from the map costs a few tens of nanoseconds (issue 13). The map is made at the
 * first record read, of the records kept by then (those added after are read by calls); the file's pages it touches
 * count in the process's resident size while it is open, as the system's cache holds them either way. Closing
 * truncates the file before closing it where the system allows it, so that its space and pages are freed at once
 * rather than when the collector unmaps the map: a read after that fails with an error of the JVM's, never reads
 * another file's bytes.
 */
public final class PreparedRecords implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreparedRecords.class);

    private final Linkage linkage;
    private FileChannel file;
    /** The ids of the records kept, ascending, and where each one's bytes start. */
    private long[] ids = new long[1 << 12];
    private long[] starts = new long[1 << 12];
    private int count;
    private long end;
    /** Ids a record the bits of {@link #kept} may span before they are dropped for the search by halves. */
    private static final int SPARSE = 16;
    /** Bit {@code i} set when the id {@code ids[0] + i} is kept; null once the ids are too sparse. */
    private long[] kept = new long[1];
    /**
     * How many of a record's keys a mask of {@link #keepValidKeys} marks (bit k for the k-th key, as {@link #add} gave
     * them); a record with more has this bit set, and its keys are looked up.
     */
    public static final int MASKED_KEYS = 31;
    /** For each record kept, its keys whose blocks pair as bits ({@link #keepValidKeys}); or null. */
    private int[] validKeys;
    /**
     * The map's segment k starts at byte {@code k << segmentBits} (a map holds at most 2 GB) and reaches a little past
     * the next one's start, so that a record starting in it is mostly whole in it (else it is read by a call).
     */
    private final int segmentBits;
    /** The map of the records kept when the first was read; null until then. */
    private volatile Mapped mapped;

    /** The file's first {@code end} bytes mapped, segment k from byte {@code k << segmentBits}. */
    private record Mapped(MappedByteBuffer[] segments, int segmentBits, long end) {

        /** Copies the record's bytes into {@code bytes} (an array's, from its start); false when not all mapped. */
        boolean copy(ByteBuffer bytes, long start) {
            int length = bytes.remaining();
            int segment = (int) (start >>> segmentBits);
            long from = start - ((long) segment << segmentBits);
            if (start + length > end || from + length > segments[segment].capacity()) {
                return false;
            }
            segments[segment].get((int) from, bytes.array(), bytes.arrayOffset() + bytes.position(), length);
            bytes.position(bytes.position() + length);
            return true;
        }
    }

    PreparedRecords(Linkage linkage) {
        this(linkage, 30);
    }

    /** Records whose map is in segments of {@code 1 << segmentBits} bytes (smaller than a run's for tests). */
    PreparedRecords(Linkage linkage, int segmentBits) {
        this.linkage = linkage;
        this.segmentBits = segmentBits;
        try {
            Path path = Files.createTempFile("gugus-bounded-run", ".bin");
            this.file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Normalises these records (on every core) and keeps them with the hashes and caps of their blocking keys as the
     * caller stores them ({@link Linkage#cappedKeyHashes}). Records come in ascending order of their ids, after those
     * added before.
     */
    public void add(List<VictimReport> reports, ToLongFunction<String> keyHash) {
        add(reports, keyHash, null);
    }

    /**
     * {@link #add(List, ToLongFunction)}, then each record's keys given to {@code keys} (when not null) in the order of
     * the records, as {@link #forEachKeys} would give them: a caller that needs them once more has them without
     * reading the records back.
     */
    public void add(List<VictimReport> reports, ToLongFunction<String> keyHash, Linkage.NewKeys keys) {
        if (reports.isEmpty()) {
            return;
        }
        List<byte[]> kept = reports.parallelStream().map(report -> bytes(linkage, report, keyHash)).toList();
        long[] ids = new long[kept.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = reports.get(i).victimId();
        }
        addKept(ids, kept, keys);
    }

    /**
     * Records prepared elsewhere already, each as {@link #bytes(Linkage, VictimReport, ToLongFunction)} gave it (a
     * first load's rows prepared ahead of the publish's commit, their ids unknown then), kept under these ids as
     * {@link #add(List, ToLongFunction, Linkage.NewKeys)} keeps them: each record's id written into its bytes, then
     * the keys given to {@code keys} (when not null). Ids ascending, after those added before.
     */
    public void addPrepared(long[] ids, List<byte[]> prepared, Linkage.NewKeys keys) {
        if (ids.length != prepared.size()) {
            throw new IllegalArgumentException("one id a record");
        }
        for (int i = 0; i < ids.length; i++) {
            ByteBuffer bytes = ByteBuffer.wrap(prepared.get(i));
            // past the keys (their count, hashes and caps): the record's own bytes start with its id
            bytes.putLong(4 + bytes.getInt(0) * 12, ids[i]);
        }
        addKept(ids, prepared, keys);
    }

    /**
     * Records prepared elsewhere already, each as {@link #bytes(Linkage, VictimReport, ToLongFunction)} gave it, kept in
     * a file of their own one after the other, the i-th starting at {@code starts[i]} (a large first load's rows
     * prepared on disk ahead of the publish's commit, in the file's order): that file adopted whole as these records',
     * the i-th under {@code ids[i]} (ascending), rather than each record's bytes copied into this one; closed by these
     * records from here. Only while none is kept. The ids in the bytes are not read: each record is read under its own.
     */
    public void adopt(FileChannel adopted, long[] adoptedIds, long[] adoptedStarts, long adoptedEnd) {
        if (count > 0) {
            throw new IllegalStateException("records kept already");
        }
        if (adoptedIds.length != adoptedStarts.length) {
            throw new IllegalArgumentException("one start a record");
        }
        for (int i = 1; i < adoptedIds.length; i++) {
            if (adoptedIds[i] <= adoptedIds[i - 1] || adoptedStarts[i] < adoptedStarts[i - 1]) {
                throw new IllegalArgumentException("records must come in ascending order of their ids and places");
            }
        }
        close();
        file = adopted;
        ids = adoptedIds.length == 0 ? new long[1] : adoptedIds;
        starts = adoptedStarts.length == 0 ? new long[1] : adoptedStarts;
        end = adoptedEnd;
        kept = new long[1];
        for (count = 0; count < adoptedIds.length;) {
            keepDense(ids[count++]);
        }
    }

    /**
     * A record's bytes as this keeps them (its keys hashed by {@code keyHash} and capped as the caller stores them, then
     * the record as normalised), under the report's id: what {@link #addPrepared} takes, another id written in.
     */
    public static byte[] bytes(Linkage linkage, VictimReport report, ToLongFunction<String> keyHash) {
        Prepared record = new Prepared(report);
        byte[][] bytes = new byte[1][];
        linkage.cappedKeyHashes(record, keyHash, (victim, hashes, caps) -> bytes[0] = record.bytes(hashes, caps));
        return bytes[0];
    }

    private void addKept(long[] keptIds, List<byte[]> kept, Linkage.NewKeys keys) {
        if (kept.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] record : kept) {
            size += record.length;
        }
        ByteBuffer written = ByteBuffer.allocate(size);
        for (int i = 0; i < kept.size(); i++) {
            long id = keptIds[i];
            if (count > 0 && id <= ids[count - 1]) {
                throw new IllegalArgumentException("records must come in ascending order of their ids");
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
            }
            ids[count] = id;
            starts[count++] = end + written.position();
            keepDense(id);
            written.put(kept.get(i));
        }
        written.flip();
        try {
            while (written.hasRemaining()) {
                end += file.write(written, end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keys != null) {
            for (int i = 0; i < kept.size(); i++) {
                giveKeys(keptIds[i], ByteBuffer.wrap(kept.get(i)), keys);
            }
        }
    }

    /** The keys at the start of a record's bytes ({@link #bytes}) given to {@code keys}. */
    private static void giveKeys(long id, ByteBuffer bytes, Linkage.NewKeys keys) {
        long[] hashes = new long[bytes.getInt()];
        int[] caps = new int[hashes.length];
        for (int k = 0; k < hashes.length; k++) {
            hashes[k] = bytes.getLong();
        }
        for (int k = 0; k < caps.length; k++) {
            caps[k] = bytes.getInt();
        }
        keys.accept(id, hashes, caps);
    }

    /** A record's bytes: how many keys, their hashes and caps, then the record ({@link Prepared#bytes}). */
    /** How many records are kept. */
    public int size() {
        return count;
    }

    /** The id of each record kept, ascending. */
    public long id(int index) {
        return ids[index];
    }

    /** Each record's keys as {@link #add} gave them, in the order of the records' ids (read through once). */
    public void forEachKeys(Linkage.NewKeys keys) {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        int at = 0;
        while (at < count) {
            // as many whole records as the buffer holds (at least one)
            int last = at;
            while (last + 1 < count && stop(last + 1) - starts[at] <= chunk.capacity()) {
                last++;
            }
            ByteBuffer bytes = stop(last) - starts[at] <= chunk.capacity() ? chunk.clear()
                    : ByteBuffer.allocate(Math.toIntExact(stop(last) - starts[at]));
            bytes.limit(Math.toIntExact(stop(last) - starts[at]));
            fill(bytes, starts[at]);
            for (int i = at; i <= last; i++) {
                bytes.position(Math.toIntExact(starts[i] - starts[at]));
                giveKeys(ids[i], bytes, keys);
            }
            at = last + 1;
        }
    }

    /**
     * Whether a record is kept here: by a bit of the dense range of ids a run's records mostly have (a first load's are
     * the sequence's), else by halves. A bounded run asks for each record of a group of blocks, about six times a
     * record; the searches by halves in a million ids were a tenth of its scoring's time.
     */
    public boolean holds(long id) {
        long[] dense = kept;
        if (dense != null) {
            long at = id - ids[0]; // negative below the first id, or past the largest (a held one is near)
            return id >= ids[0] && at >= 0 && at < (long) dense.length * 64 && (dense[(int) (at >>> 6)] & 1L << at) != 0;
        }
        return Arrays.binarySearch(ids, 0, count, id) >= 0;
    }

    /** The ids kept as bits from the first, while they are dense enough (at most {@link #SPARSE} ids a record). */
    private void keepDense(long id) {
        long at = id - ids[0];
        if (kept == null || at < 0 || at >= (long) count * SPARSE + 64) {
            kept = null;
            return;
        }
        int word = (int) (at >>> 6);
        if (word >= kept.length) {
            kept = Arrays.copyOf(kept, Math.max(word + 1, kept.length * 2));
        }
        kept[word] |= 1L << at;
    }

    /**
     * For each record kept, in the order of their ids, its keys whose blocks pair (those the run scores in) as bits:
     * bit k set for the k-th key as {@link #add} gave it, bit {@link #MASKED_KEYS} for a record with more keys than
     * that (its keys are then not told apart here). {@link #read} then gives only those keys' hashes.
     */
    public void keepValidKeys(int[] masks) {
        if (masks.length != count) {
            throw new IllegalArgumentException("one mask a record kept");
        }
        validKeys = masks;
    }

    /**
     * A record kept and the hashes of its keys, ascending: only those whose blocks pair when {@code validOnly}
     * ({@link #keepValidKeys}), else all of them.
     */
    record Held(Prepared record, long[] sortedHashes, boolean validOnly) {
    }

    /** A record kept, as it was normalised ({@code null} when it is not kept here). */
    Held read(long id, UnaryOperator<String> shared) {
        int at = Arrays.binarySearch(ids, 0, count, id);
        if (at < 0) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(stop(at) - starts[at]));
        if (!mapped().copy(bytes, starts[at])) {
            fill(bytes, starts[at]);
        }
        bytes.flip();
        int keys = bytes.getInt();
        int mask = validKeys == null ? 1 << MASKED_KEYS : validKeys[at];
        boolean validOnly = (mask & 1 << MASKED_KEYS) == 0;
        long[] hashes = new long[validOnly ? Integer.bitCount(mask) : keys];
        int kept = 0;
        for (int k = 0; k < keys; k++) {
            long hash = bytes.getLong();
            if (!validOnly || (mask & 1 << k) != 0) {
                hashes[kept++] = hash;
            }
        }
        bytes.position(bytes.position() + keys * 4);
        // under its own id: the bytes of an adopted file's record hold none ({@link #adopt})
        bytes.putLong(bytes.position(), ids[at]);
        Arrays.sort(hashes);
        return new Held(Prepared.read(bytes, shared), hashes, validOnly);
    }

    /** The map of the records kept, made at the first call. */
    private Mapped mapped() {
        Mapped map = mapped;
        if (map == null) {
            synchronized (this) {
                map = mapped;
                if (map == null) {
                    map = map(file, end, segmentBits);
                    mapped = map;
                }
            }
        }
        return map;
    }

    /** The file's first {@code end} bytes mapped; nothing mapped (every record read by a call) where it cannot be. */
    private static Mapped map(FileChannel file, long end, int segmentBits) {
        long segment = 1L << segmentBits;
        long overlap = Math.min(1 << 20, segment / 4);
        MappedByteBuffer[] segments = new MappedByteBuffer[(int) Math.max(1, (end + segment - 1) >>> segmentBits)];
        try {
            for (int k = 0; k < segments.length; k++) {
                long from = k * segment;
                long length = Math.max(0, Math.min(end - from, segment + overlap));
                segments[k] = file.map(FileChannel.MapMode.READ_ONLY, from, length);
            }
        } catch (IOException e) {
            log.info("Records of the run read back by read calls: their file not mapped ({})", e.getClass().getName());
            return new Mapped(new MappedByteBuffer[0], segmentBits, 0);
        }
        return new Mapped(segments, segmentBits, end);
    }

    /** Where the bytes of the record at {@code index} end. */
    private long stop(int index) {
        return index + 1 < count ? starts[index + 1] : end;
    }

    private void fill(ByteBuffer bytes, long from) {
        try {
            long start = from - bytes.position();
            while (bytes.hasRemaining()) {
                if (file.read(bytes, start + bytes.position()) < 0) {
                    throw new IOException("the run's records end early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file cut to nothing while mapped: the map's pages and the file's space freed now, not when the collector
     * takes the map. A system that refuses to cut a mapped file (Windows) frees them then.
     */
    private void truncate() {
        try {
            file.truncate(0);
        } catch (IOException e) {
            log.debug("Records' file not truncated while mapped ({})", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        try {
            if (mapped != null) {
                truncate();
            }
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
