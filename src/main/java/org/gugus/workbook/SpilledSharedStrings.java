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
import java.util.Arrays;

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
                ItemText text = new ItemText(cell);
                for (int event = xml.next(); event != WorkbookXml.END_OF_PART; event = xml.next()) {
                    if (event == WorkbookXml.START && xml.isNamed("si")) {
                        text.clear();
                        readItem(xml, text);
                        int length = text.encode();
                        offsetOut.writeLong(position);
                        dataOut.write(text.bytes, 0, length);
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
    private static void readItem(WorkbookXml xml, ItemText text) throws XMLStreamException, IOException {
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
                    text.appendElement(xml);
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

    /**
     * The text of one shared string as it is read, and then its UTF-8 bytes. Most strings are plain
     * ASCII, whose bytes in the part are already the bytes to store: they are copied as they are,
     * and only a string with anything else is decoded to characters (and OOXML escapes) and encoded again.
     */
    private static final class ItemText {

        private final RowBuilder cell;

        private byte[] bytes = new byte[256];

        private int length;

        private final StringBuilder chars = new StringBuilder();

        private boolean decoded;

        ItemText(RowBuilder cell) {
            this.cell = cell;
        }

        void clear() {
            length = 0;
            chars.setLength(0);
            decoded = false;
        }

        /** Appends the text of a {@code <t>} element (on its start tag) up to its end tag, within the cell limit. */
        void appendElement(WorkbookXml xml) throws XMLStreamException, IOException {
            while (true) {
                switch (xml.next()) {
                    case WorkbookXml.TEXT -> append(xml);
                    case WorkbookXml.END -> {
                        return;
                    }
                    case WorkbookXml.START -> throw new XMLStreamException("Element text holds a child element");
                    default -> throw new XMLStreamException("The part ends inside an element");
                }
            }
        }

        private void append(WorkbookXml xml) throws XMLStreamException {
            if (!decoded) {
                int piece = xml.textBytes();
                if (bytes.length < length + piece) {
                    bytes = Arrays.copyOf(bytes, Math.max(length + piece, bytes.length * 2));
                }
                if (xml.copyPlainText(bytes, length)) {
                    length += piece;
                    cell.checkCell(length);
                    return;
                }
                decoded = true;
                chars.append(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
            }
            xml.appendText(chars);
            cell.checkCell(chars.length());
        }

        /** Puts the string's UTF-8 bytes in {@link #bytes}; gives their count. */
        int encode() {
            if (!decoded) {
                return length;
            }
            byte[] encoded = XlsxWorkbookReader.unescape(chars.toString()).getBytes(StandardCharsets.UTF_8);
            if (bytes.length < encoded.length) {
                bytes = new byte[encoded.length];
            }
            System.arraycopy(encoded, 0, bytes, 0, encoded.length);
            return encoded.length;
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
