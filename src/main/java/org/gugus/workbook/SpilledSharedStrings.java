package org.gugus.workbook;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javax.xml.stream.XMLStreamException;

/**
 * The shared strings of an XLSX workbook, kept in a temporary file instead of the heap. A workbook
 * of a million victim rows holds millions of distinct strings (names, case numbers, NIKs typed as
 * text); POI's {@code ReadOnlySharedStringsTable} would keep them all as Java strings, which alone
 * outgrows a small heap. Here they are written once, as UTF-8, and read back through memory-mapped
 * segments that live outside the heap and are paged in by the operating system.
 */
final class SpilledSharedStrings implements AutoCloseable {

    private static final long SEGMENT = 1L << 30;

    private final Path directory;

    private final int count;

    private final MappedByteBuffer[] data;

    private final MappedByteBuffer[] offsets;

    /** The bytes of the string asked for last (one reader, one thread). */
    private byte[] scratch = new byte[256];

    private SpilledSharedStrings(Path directory, int count, MappedByteBuffer[] data, MappedByteBuffer[] offsets) {
        this.directory = directory;
        this.count = count;
        this.data = data;
        this.offsets = offsets;
    }

    static SpilledSharedStrings empty() {
        return new SpilledSharedStrings(null, 0, new MappedByteBuffer[0], new MappedByteBuffer[0]);
    }

    /**
     * Reads the shared strings part ({@code <sst>}); rich-text runs are joined, phonetic runs left
     * out, OOXML escapes ({@code _x0000_}) decoded. A string longer than a cell may be (the limits of
     * {@code cell}) ends the read with a {@link LimitExceededException} before it is held whole.
     */
    static SpilledSharedStrings read(InputStream part, RowBuilder cell) throws XMLStreamException {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("gugus-sst");
            Path dataFile = directory.resolve("strings");
            Path offsetFile = directory.resolve("offsets");
            int count = 0;
            try (OutputStream dataOut = new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 16);
                    DataOutputStream offsetOut = new DataOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(offsetFile), 1 << 16))) {
                WorkbookXml xml = new WorkbookXml(part);
                long position = 0;
                StringBuilder text = new StringBuilder();
                Utf8 utf8 = new Utf8();
                for (int event = xml.next(); event != WorkbookXml.END_OF_PART; event = xml.next()) {
                    if (event == WorkbookXml.START && xml.isNamed("si")) {
                        text.setLength(0);
                        readItem(xml, text, cell);
                        int length = utf8.encode(text);
                        offsetOut.writeLong(position);
                        dataOut.write(utf8.bytes, 0, length);
                        position += length;
                        count++;
                    }
                }
                offsetOut.writeLong(position);
            }
            // A string holds at most max-cell-chars characters, at most 3 bytes each in UTF-8; segments
            // overlap by more than that, so every string lies whole inside the segment its first byte falls in.
            long maxStringBytes = cell.limits().maxCellChars() * 3L + 16;
            SpilledSharedStrings strings = new SpilledSharedStrings(directory, count, map(dataFile, maxStringBytes),
                    map(offsetFile, Long.BYTES));
            delete(directory);
            return strings;
        }
        catch (IOException ex) {
            delete(directory);
            throw new UncheckedIOException(ex);
        }
        catch (XMLStreamException | RuntimeException ex) {
            delete(directory);
            throw ex;
        }
    }

    /** Rich-text runs joined, phonetic runs left out; reads from an {@code <si>} start tag to its end tag. */
    private static void readItem(WorkbookXml xml, StringBuilder text, RowBuilder cell)
            throws XMLStreamException, IOException {
        int phoneticDepth = 0;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == WorkbookXml.START) {
                depth++;
                if (xml.isNamed("rPh")) {
                    phoneticDepth++;
                }
                else if (xml.isNamed("t") && phoneticDepth == 0) {
                    xml.appendElementText(text, cell);
                    depth--;
                }
            }
            else if (event == WorkbookXml.END) {
                depth--;
                if (xml.isNamed("rPh")) {
                    phoneticDepth--;
                }
            }
        }
    }

    /** A string's UTF-8 bytes in one reused array, OOXML escapes decoded; most strings are ASCII. */
    private static final class Utf8 {

        private byte[] bytes = new byte[256];

        int encode(StringBuilder text) {
            int length = text.length();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || (c == '_' && i + 1 < length && text.charAt(i + 1) == 'x')) {
                    byte[] encoded = XlsxWorkbookReader.unescape(text.toString()).getBytes(StandardCharsets.UTF_8);
                    if (bytes.length < encoded.length) {
                        bytes = new byte[encoded.length];
                    }
                    System.arraycopy(encoded, 0, bytes, 0, encoded.length);
                    return encoded.length;
                }
                bytes[i] = (byte) c;
            }
            return length;
        }
    }

    private static MappedByteBuffer[] map(Path file, long overlap) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int segments = (int) Math.max(1, (size + SEGMENT - 1) / SEGMENT);
            MappedByteBuffer[] buffers = new MappedByteBuffer[segments];
            for (int i = 0; i < segments; i++) {
                long start = i * SEGMENT;
                long length = Math.min(size - start, SEGMENT + overlap);
                buffers[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.max(length, 0));
            }
            return buffers;
        }
    }

    int size() {
        return count;
    }

    /** The string at {@code index}; an index the part does not hold is a damaged workbook. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalStateException("Shared string " + index + " does not exist (the workbook has " + count + ")");
        }
        long start = longAt(index);
        long end = longAt(index + 1);
        int length = Math.toIntExact(end - start);
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        data[(int) (start / SEGMENT)].get((int) (start % SEGMENT), scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    private long longAt(int index) {
        long position = (long) index * Long.BYTES;
        return offsets[(int) (position / SEGMENT)].getLong((int) (position % SEGMENT));
    }

    @Override
    public void close() {
        delete(directory);
    }

    // The mappings stay valid after the files are unlinked and are released with the buffers.
    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        }
        catch (IOException ex) {
            directory.toFile().deleteOnExit();
        }
    }
}
