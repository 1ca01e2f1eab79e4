package org.gugus.feedback;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The sheet data writer of an answer workbook, in place of SXSSF's own (its documented extension
 * point {@code SXSSFWorkbook.createSheetDataWriter()}): the same {@code <c>} elements, but a cell's
 * reference ({@code r="B7"}) left out where the cell is its row's next column (the schema makes it
 * optional; Excel, LibreOffice, POI and Gugus's own reader take such a cell as the one right of the
 * previous, or as column A for a row's first), a number's {@code t="n"} left out too (the default
 * type), a seventh of an answer's XML and nearly half its deflated size; written
 * through an unsynchronised UTF-8 writer with one large buffer, and text escaped a char at a time
 * into that buffer, where POI's writer takes a lock and makes an array for every code point. Text
 * is kept as it is where XML allows it: {@code < > & "} as entities, tab and line breaks as
 * character references, and what XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) as
 * Excel's {@code _xHHHH_} escape, which Excel, LibreOffice and POI read back as the character; a
 * literal {@code _xHHHH_} in the text has its underscore escaped so it stays as written. A lone
 * surrogate, which no encoding can hold, becomes U+FFFD. Formula and error cells (never written
 * by an answer) are left to POI. The bytes go to a {@link DeflatedOutput}, not a plain file. Rows
 * can also be written straight ({@link #startRow}, cells, {@link #endRow}), as the same XML SXSSF's
 * rows would give through this writer, for the answer's rows without findings.
 */
final class SheetXmlWriter extends SheetDataWriter {

    private int rowIndex;

    SheetXmlWriter() throws IOException {
        super();
    }

    /** The sheet data deflated as they are written ({@link DeflatedOutput}), not as plain XML. */
    @Override
    public Writer createWriter(File file) throws IOException {
        return new Utf8Writer(new DeflatedOutput(new FileOutputStream(file)));
    }

    /** The plain XML again, for whoever asks SXSSF for it (the answer's zip takes the deflated bytes). */
    @Override
    protected InputStream decorateInputStream(FileInputStream stream) {
        // the data end on a sync flush: a final empty block (and the dummy byte raw inflating wants) closes them
        return new InflaterInputStream(new SequenceInputStream(stream, new ByteArrayInputStream(new byte[] {3, 0, 0})),
                new Inflater(true));
    }

    /** The file of the deflated sheet data. */
    File deflatedFile() {
        return getTempFile();
    }

    /** What the sheet data were, once closed. */
    DeflatedOutput.Written deflated() {
        return ((DeflatedOutput) out().stream).written();
    }

    private Utf8Writer out() {
        return (Utf8Writer) _out;
    }

    @Override
    public void writeRow(int rowIndex, SXSSFRow row) throws IOException {
        this.rowIndex = rowIndex;
        rowDigits = null;
        previousColumn = -1;
        rowWritten(rowIndex);
        super.writeRow(rowIndex, row);
    }

    /*
     * The rows and columns the sheet's cells take, as SXSSF works out a sheet's dimension from the rows
     * and cells made through it: some rows are written straight (startRow), which SXSSF never sees.
     */
    private int firstRow = -1;
    private int lastRow = -1;
    private int leftColumn = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    private int rightColumn;

    private void rowWritten(int index) {
        firstRow = firstRow < 0 ? index : Math.min(firstRow, index);
        lastRow = Math.max(lastRow, index);
    }

    private void cellWritten(int column) {
        leftColumn = Math.min(leftColumn, column);
        rightColumn = Math.max(rightColumn, column);
    }

    /** The sheet's dimension as SXSSF would give it had every row gone through it; none where it gives none. */
    Optional<CellRangeAddress> dimension() {
        try {
            return Optional.of(new CellRangeAddress(firstRow, lastRow, leftColumn, rightColumn));
        } catch (IllegalArgumentException e) {
            // no rows or no cells: SXSSF leaves the dimension XSSF wrote
            return Optional.empty();
        }
    }

    private static final byte[] CELL = ascii("<c");
    private static final byte[] REFERENCE = ascii(" r=\"");
    private static final byte[] STYLE = ascii(" s=\"");
    private static final byte[] QUOTE = ascii("\"");
    private static final byte[] TEXT = ascii(" t=\"inlineStr\"><is><t>");
    private static final byte[] SPACED_TEXT = ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_END = ascii("</t></is></c>");
    /** No {@code t="n"}: a number is the schema's default type. */
    private static final byte[] NUMBER = ascii("><v>");
    private static final byte[] NUMBER_END = ascii("</v></c>");
    private static final byte[] TRUE = ascii(" t=\"b\"><v>1</v></c>");
    private static final byte[] FALSE = ascii(" t=\"b\"><v>0</v></c>");
    private static final byte[] EMPTY = ascii("></c>");
    /** Column letters of the first columns, made once: every cell's reference starts with them. */
    private static final byte[][] COLUMNS = new byte[256][];

    static {
        for (int column = 0; column < COLUMNS.length; column++) {
            COLUMNS[column] = ascii(columnName(column));
        }
    }

    /** The current row's number in decimal, made once per row. */
    private byte[] rowDigits;
    /** The column of the current row's last cell written; -1 before its first. */
    private int previousColumn = -1;

    @Override
    public void writeCell(int column, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA || type == CellType.ERROR) {
            cellWritten(column);
            // POI's own writes the reference always
            previousColumn = column;
            super.writeCell(column, cell);
            return;
        }
        Utf8Writer out = cellStart(column, cell.getCellStyle().getIndex());
        switch (type) {
            case STRING -> {
                String text = cell.getStringCellValue();
                out.bytes(spaced(text) ? SPACED_TEXT : TEXT);
                out.escaped(text);
                out.bytes(TEXT_END);
            }
            case NUMERIC -> {
                out.bytes(NUMBER);
                out.number(cell.getNumericCellValue());
                out.bytes(NUMBER_END);
            }
            case BOOLEAN -> out.bytes(cell.getBooleanCellValue() ? TRUE : FALSE);
            default -> out.bytes(EMPTY);
        }
    }

    private static final byte[] ROW = ascii("<row r=\"");
    private static final byte[] ROW_OPENED = ascii("\">\n");
    private static final byte[] ROW_END = ascii("</row>\n");

    /**
     * Starts a row written straight, not through an SXSSF row (see {@code AnswerBook}): the same
     * {@code <row>} SXSSF writes for a row without height, style or outline, which an answer never sets.
     */
    void startRow(int rowIndex) throws IOException {
        this.rowIndex = rowIndex;
        rowDigits = ascii(Integer.toString(rowIndex + 1));
        previousColumn = -1;
        rowWritten(rowIndex);
        Utf8Writer out = out();
        out.bytes(ROW);
        out.bytes(rowDigits);
        out.bytes(ROW_OPENED);
    }

    void endRow() throws IOException {
        out().bytes(ROW_END);
    }

    /** A text cell of the row started, as {@link #writeCell} writes one. */
    void text(int column, int style, String text) throws IOException {
        Utf8Writer out = cellStart(column, style);
        out.bytes(spaced(text) ? SPACED_TEXT : TEXT);
        out.escaped(text);
        out.bytes(TEXT_END);
    }

    /** A number cell (a finite number) of the row started, as {@link #writeCell} writes one. */
    void number(int column, int style, double value) throws IOException {
        Utf8Writer out = cellStart(column, style);
        out.bytes(NUMBER);
        out.number(value);
        out.bytes(NUMBER_END);
    }

    /** A boolean cell of the row started, as {@link #writeCell} writes one. */
    void bool(int column, int style, boolean value) throws IOException {
        cellStart(column, style).bytes(value ? TRUE : FALSE);
    }

    /**
     * A cell's start: {@code <c}, its reference unless it is the row's next column (see the class
     * comment), its style unless the default.
     */
    private Utf8Writer cellStart(int column, int style) throws IOException {
        cellWritten(column);
        Utf8Writer out = out();
        out.bytes(CELL);
        if (column != previousColumn + 1) {
            out.bytes(REFERENCE);
            out.bytes(column < COLUMNS.length ? COLUMNS[column] : ascii(columnName(column)));
            if (rowDigits == null) {
                rowDigits = ascii(Integer.toString(rowIndex + 1));
            }
            out.bytes(rowDigits);
            out.bytes(QUOTE);
        }
        previousColumn = column;
        int index = style & 0xffff;
        if (index != 0) {
            out.bytes(STYLE);
            out.digits(index);
            out.bytes(QUOTE);
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A 0-based column index as its letters: 0 → A, 26 → AA. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder(3);
        for (int c = index + 1; c > 0; c = (c - 1) / 26) {
            name.append((char) ('A' + (c - 1) % 26));
        }
        return name.reverse().toString();
    }

    @Override
    protected void outputEscapedString(String text) throws IOException {
        out().escaped(text);
    }

    /** Whether Excel would drop the text's leading or trailing white space unless told to keep it. */
    private static boolean spaced(String text) {
        return !text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
    }

    /** UTF-8 straight into a byte buffer, no lock: one writer per sheet, used by one thread. */
    static final class Utf8Writer extends Writer {

        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

        /** The ASCII characters that text cannot hold as they are ('?' stands for a char ISO-8859-1 lacks). */
        private static final boolean[] PLAIN_NOT = new boolean[128];

        static {
            for (char c : "<>&\"_?".toCharArray()) {
                PLAIN_NOT[c] = true;
            }
            PLAIN_NOT[127] = false;
        }

        private final OutputStream stream;
        private final byte[] buffer = new byte[1 << 16];
        private int used;

        Utf8Writer(OutputStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int c) throws IOException {
            if (c < 0x80) {
                room(1);
                buffer[used++] = (byte) c;
            } else {
                char[] one = {(char) c};
                write(one, 0, 1);
            }
        }

        @Override
        public void write(String text) throws IOException {
            write(text, 0, text.length());
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    room(1);
                    buffer[used++] = (byte) c;
                } else {
                    i = put(c, text, i, end);
                }
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length));
        }

        /** Bytes as they are (ASCII markup). */
        void bytes(byte[] bytes) throws IOException {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }

        /**
         * The text as XML character data or attribute value (see the class comment). Most cells are
         * plain ASCII with nothing to escape: copied at once; any other text char by char.
         */
        void escaped(String text) throws IOException {
            int end = text.length();
            if (end <= buffer.length / 4) {
                room(end);
                // a char above U+00FF becomes '?' here, so a '?' sends the text the long way too
                byte[] latin = text.getBytes(StandardCharsets.ISO_8859_1);
                boolean plain = true;
                for (byte b : latin) {
                    if (b < 0x20 || PLAIN_NOT[b]) {
                        plain = false;
                        break;
                    }
                }
                if (plain) {
                    System.arraycopy(latin, 0, buffer, used, end);
                    used += end;
                    return;
                }
            }
            for (int i = plain(text, 0, end); i < end; i = plain(text, i + 1, end)) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '&' -> ascii("&amp;");
                    case '"' -> ascii("&quot;");
                    case '\t' -> ascii("&#x9;");
                    case '\n' -> ascii("&#xa;");
                    case '\r' -> ascii("&#xd;");
                    case '_' -> {
                        if (excelEscapeAt(text, i)) {
                            ascii("_x005F_");
                        } else {
                            room(1);
                            buffer[used++] = '_';
                        }
                    }
                    default -> {
                        if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                            excelEscape(c);
                        } else {
                            i = put(c, text, i, end);
                        }
                    }
                }
            }
        }

        /**
         * Copies the run of plain ASCII characters from {@code i} on (none that XML or Excel's escape
         * treat apart), checking the buffer's room once per run rather than per character: most of
         * an answer's text is such runs. Returns the index of the first character it left.
         */
        private int plain(String text, int i, int end) throws IOException {
            while (i < end) {
                room(1);
                byte[] out = buffer;
                int at = used;
                int stop = Math.min(end, i + out.length - at);
                while (i < stop) {
                    char c = text.charAt(i);
                    if (c < 0x20 || c >= 0x80 || c == '<' || c == '>' || c == '&' || c == '"' || c == '_') {
                        used = at;
                        return i;
                    }
                    out[at++] = (byte) c;
                    i++;
                }
                used = at;
            }
            return i;
        }

        /** Whether {@code _xHHHH_} starts at {@code i}: Excel would read it as one character. */
        private static boolean excelEscapeAt(String text, int i) {
            if (i + 6 >= text.length() || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
                return false;
            }
            for (int j = i + 2; j < i + 6; j++) {
                if (Character.digit(text.charAt(j), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void excelEscape(char c) throws IOException {
            room(7);
            buffer[used++] = '_';
            buffer[used++] = 'x';
            buffer[used++] = HEX[(c >> 12) & 0xF];
            buffer[used++] = HEX[(c >> 8) & 0xF];
            buffer[used++] = HEX[(c >> 4) & 0xF];
            buffer[used++] = HEX[c & 0xF];
            buffer[used++] = '_';
        }

        /** Encodes {@code c} (at {@code i} of {@code text}); returns the index of the last char used. */
        private int put(char c, CharSequence text, int i, int end) throws IOException {
            room(4);
            if (c < 0x80) {
                buffer[used++] = (byte) c;
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | (c >> 6));
                buffer[used++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(i + 1));
                buffer[used++] = (byte) (0xF0 | (point >> 18));
                buffer[used++] = (byte) (0x80 | ((point >> 12) & 0x3F));
                buffer[used++] = (byte) (0x80 | ((point >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (point & 0x3F));
                return i + 1;
            } else {
                char three = Character.isSurrogate(c) ? '\uFFFD' : c;
                buffer[used++] = (byte) (0xE0 | (three >> 12));
                buffer[used++] = (byte) (0x80 | ((three >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (three & 0x3F));
            }
            return i;
        }

        private void ascii(String text) throws IOException {
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                buffer[used++] = (byte) text.charAt(i);
            }
        }

        /** A non-negative number in decimal. */
        void digits(int number) throws IOException {
            room(10);
            if (number == 0) {
                buffer[used++] = '0';
                return;
            }
            int start = used;
            for (int n = number; n > 0; n /= 10) {
                buffer[used++] = (byte) ('0' + n % 10);
            }
            for (int a = start, b = used - 1; a < b; a++, b--) {
                byte swap = buffer[a];
                buffer[a] = buffer[b];
                buffer[b] = swap;
            }
        }

        /** A cell's number: whole numbers without ".0", the rest as Java writes a double (valid xsd:double). */
        void number(double value) throws IOException {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                long whole = (long) value;
                if (whole < 0) {
                    write('-');
                    whole = -whole;
                }
                if (whole <= Integer.MAX_VALUE) {
                    digits((int) whole);
                } else {
                    ascii(Long.toString(whole));
                }
            } else {
                ascii(Double.toString(value));
            }
        }

        private void room(int bytes) throws IOException {
            if (used + bytes > buffer.length) {
                stream.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            stream.write(buffer, 0, used);
            used = 0;
            stream.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            stream.close();
        }
    }
}
