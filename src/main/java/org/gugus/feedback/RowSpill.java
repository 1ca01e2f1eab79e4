package org.gugus.feedback;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.WorkbookReader;

/**
 * A file's rows as a reader gave them, kept in a file of their own in a compact binary form and read
 * back as the very same rows (every cell's kind, text, number, date and whether characters were
 * removed), so that a second pass over a delivered file costs a plain read instead of parsing the
 * original again. A row is a tag (the same sheet, or a new sheet and its name), its number and its
 * cells; a blank cell is one byte; text is UTF-8 (UTF-16 where it holds a lone surrogate, which
 * UTF-8 cannot), lengths and numbers in 7-bit groups. Written and read through a buffer of its own
 * (no stream's lock per value). The end is marked, so a file cut short is never taken for a whole one.
 * <p>
 * The rows hold names and NIKs: they are written to and read from one channel ({@link #open}) whose
 * file has no name left in any folder once open (deleted on close, which on Linux unlinks it at once),
 * so that a process killed while it holds them leaves nothing behind; closing the reader frees it.
 */
final class RowSpill {

    private static final int END = 0;
    private static final int SAME_SHEET = 1;
    private static final int NEW_SHEET = 2;

    private static final int BLANK = 0;
    private static final int KIND = 0x0f;
    private static final int REMOVED = 0x10;
    private static final int NUMBER = 0x20;
    private static final int DATE = 0x40;
    private static final int UTF16 = 0x80;
    private static final CellValue.Kind[] KINDS = CellValue.Kind.values();

    private RowSpill() {
    }

    /**
     * A new file for rows in {@code folder}, owner-only, open for writing and reading and deleted when the
     * channel closes (on Linux: unlinked as it opens).
     */
    static FileChannel open(Path folder, String prefix) throws IOException {
        Path file = Files.createTempFile(folder, prefix, ".bin");
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Writes rows into a channel from its current position, through one buffer; closing the writer writes
     * what the buffer holds and leaves the channel open for a {@link Reader}.
     */
    static final class Writer implements AutoCloseable {

        private final FileChannel out;
        private byte[] buffer = new byte[1 << 16];
        private int used;
        private String sheet;

        Writer(FileChannel out) {
            this.out = out;
        }

        void write(SheetRow row) throws IOException {
            room(11);
            if (row.sheet().equals(sheet)) {
                buffer[used++] = SAME_SHEET;
            } else {
                sheet = row.sheet();
                buffer[used++] = NEW_SHEET;
                text(sheet);
                room(10);
            }
            number(row.rowNumber());
            number(row.cells().size());
            for (CellValue cell : row.cells()) {
                cell(cell);
            }
        }

        /** Marks the end: every row was written. */
        void end() throws IOException {
            room(1);
            buffer[used++] = END;
        }

        private void cell(CellValue cell) throws IOException {
            room(1);
            if (isBlank(cell)) {
                buffer[used++] = BLANK;
                return;
            }
            String text = cell.text();
            // UTF-8 writes a lone surrogate as '?': text of as many bytes as chars (most, ASCII) can hold one only
            // where a '?' was written
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            boolean utf16 = (bytes.length != text.length() || holdsQuestionMark(bytes)) && hasLoneSurrogate(text);
            buffer[used++] = (byte) ((cell.kind().ordinal() + 1) | (cell.charactersRemoved() ? REMOVED : 0)
                    | (cell.number() != null ? NUMBER : 0) | (cell.dateTime() != null ? DATE : 0)
                    | (utf16 ? UTF16 : 0));
            if (utf16) {
                room(5 + 2 * text.length());
                number(text.length());
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    buffer[used++] = (byte) (c >> 8);
                    buffer[used++] = (byte) c;
                }
            } else {
                bytes(bytes);
            }
            if (cell.number() != null) {
                fixed(Double.doubleToRawLongBits(cell.number()));
            }
            if (cell.dateTime() != null) {
                fixed(cell.dateTime().toEpochSecond(ZoneOffset.UTC));
                room(5);
                number(cell.dateTime().getNano());
            }
        }

        private static boolean holdsQuestionMark(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '?') {
                    return true;
                }
            }
            return false;
        }

        /** Whether the cell is {@link CellValue#BLANK} (read back as that very value). */
        private static boolean isBlank(CellValue cell) {
            return cell == CellValue.BLANK || (cell.kind() == CellValue.Kind.BLANK && cell.text().isEmpty()
                    && cell.number() == null && cell.dateTime() == null && !cell.charactersRemoved());
        }

        private void text(String text) throws IOException {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] bytes) throws IOException {
            room(5 + bytes.length);
            number(bytes.length);
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }

        /** A non-negative int in 7-bit groups, low first (most take one byte); room for 5 made by the caller. */
        private void number(int value) {
            int v = value;
            while ((v & ~0x7f) != 0) {
                buffer[used++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buffer[used++] = (byte) v;
        }

        private void fixed(long value) throws IOException {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[used++] = (byte) (value >>> shift);
            }
        }

        /** Writes the buffer out when {@code bytes} more would not fit; grows it for a value larger than it. */
        private void room(int bytes) throws IOException {
            if (used + bytes > buffer.length) {
                flush();
                if (bytes > buffer.length) {
                    buffer = new byte[bytes];
                }
            }
        }

        private void flush() throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, used);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            used = 0;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Whether the text holds a surrogate without its pair (only then does UTF-8 not give it back). */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows a {@link Writer} wrote into a channel, from its start, as a reader of the original gave
     * them; the channel is closed (its file deleted) when the reader is. Rows cut short fail rather than
     * end early.
     */
    static final class Reader implements WorkbookReader {

        private final FileChannel in;
        private final SpreadsheetFormat format;
        private byte[] buffer = new byte[1 << 16];
        private long position;
        private int at;
        private int filled;
        private String sheet;
        private boolean ended;

        Reader(FileChannel in, SpreadsheetFormat format) {
            this.in = in;
            this.format = format;
        }

        @Override
        public SpreadsheetFormat format() {
            return format;
        }

        @Override
        public SheetRow next() {
            if (ended) {
                return null;
            }
            try {
                int tag = take();
                if (tag == END) {
                    ended = true;
                    return null;
                }
                if (tag == NEW_SHEET) {
                    sheet = text();
                } else if (tag != SAME_SHEET) {
                    throw new IOException("not a row");
                }
                int rowNumber = number();
                CellValue[] cells = new CellValue[number()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cell();
                }
                return new SheetRow(sheet, rowNumber, Arrays.asList(cells));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CellValue cell() throws IOException {
            int flags = take();
            if (flags == BLANK) {
                return CellValue.BLANK;
            }
            String text;
            if ((flags & UTF16) != 0) {
                char[] chars = new char[number()];
                have(2 * chars.length);
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) (((buffer[at] & 0xff) << 8) | (buffer[at + 1] & 0xff));
                    at += 2;
                }
                text = new String(chars);
            } else {
                text = text();
            }
            Double number = (flags & NUMBER) != 0 ? Double.longBitsToDouble(fixed()) : null;
            LocalDateTime dateTime = null;
            if ((flags & DATE) != 0) {
                long seconds = fixed();
                dateTime = LocalDateTime.ofEpochSecond(seconds, number(), ZoneOffset.UTC);
            }
            return new CellValue(text, KINDS[(flags & KIND) - 1], number, dateTime, (flags & REMOVED) != 0);
        }

        private String text() throws IOException {
            int length = number();
            have(length);
            String text = new String(buffer, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        private int take() throws IOException {
            have(1);
            return buffer[at++] & 0xff;
        }

        private int number() throws IOException {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = take();
                value |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        private long fixed() throws IOException {
            have(8);
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (buffer[at++] & 0xff);
            }
            return value;
        }

        /** Makes sure {@code bytes} more are in the buffer, reading on (and growing it) as needed. */
        private void have(int bytes) throws IOException {
            if (filled - at >= bytes) {
                return;
            }
            if (bytes > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, at, at + Math.max(bytes, 2 * buffer.length));
            } else {
                System.arraycopy(buffer, at, buffer, 0, filled - at);
            }
            filled -= at;
            at = 0;
            while (filled < bytes) {
                int n = in.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled), position);
                if (n < 0) {
                    throw new EOFException("rows kept cut short");
                }
                filled += n;
                position += n;
            }
        }

        /** Closes the channel, which deletes its file. */
        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // only read from: nothing lost
            }
        }
    }
}
