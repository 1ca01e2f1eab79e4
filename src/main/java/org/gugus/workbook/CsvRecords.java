package org.gugus.workbook;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as Commons CSV did with the format Gugus read CSVs with (the default
 * format with the file's delimiter, quote {@code "}, no escape, empty lines kept, an unclosed quote
 * ended by the end of the file, text after a closing quote kept in the field), over a buffer of its
 * own: Commons CSV took every character through three readers, and its parse was most of a
 * re-delivery's reading. {@code CsvRecordsTests} holds the two to the same records on random text.
 * <p>
 * It holds each record to the {@link WorkbookLimits} as it reads it: a field is checked each time a
 * buffer's worth of it is added, so a 50 MB field, or a record of millions of delimiters, is refused
 * after at most one buffer (8,192 characters) past the limit, never built whole. The characters
 * counted are the fields' own: the quotes around a field and the delimiters are not, a doubled quote
 * inside one is counted once, and a delimiter or line break inside quotes is text. (A reader in front of
 * the parser used to count every character a second time: reading a 100,000-row CSV is a tenth faster
 * without it.)
 * <p>
 * A quote opens a quoted field only as the field's first character; inside it, {@code ""} is a quote
 * and any other quote closes it. A line ends at CR, LF or CR LF. An empty line is a record of one
 * empty field; the end of the file ends a last record that has any character (a delimiter included).
 */
final class CsvRecords {

    private static final int BUFFER = 8192;

    private static final char QUOTE = '"';

    private static final char[] QUOTE_TEXT = {QUOTE};

    private final Reader in;

    private final char delimiter;

    private final char[] buffer = new char[BUFFER];

    private int position;

    private int limit;

    private boolean endOfFile;

    private long recordNumber;

    private final StringBuilder field = new StringBuilder(64);

    private final WorkbookLimits limits;

    /** Characters of the fields of the record being read. */
    private int recordChars;

    CsvRecords(Reader in, char delimiter, WorkbookLimits limits) {
        this.in = in;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /** How many records were returned so far (the last one's number). */
    long recordNumber() {
        return recordNumber;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() throws IOException {
        if (!fill()) {
            return null;
        }
        List<String> fields = new ArrayList<>(24);
        recordChars = 0;
        while (true) {
            int end = readField();
            add(fields, field.toString());
            if (end != delimiter) {
                // a line break or the end of the file
                recordNumber++;
                return fields;
            }
            if (!fill()) {
                // a delimiter just before the end of the file: a last, empty field
                add(fields, "");
                recordNumber++;
                return fields;
            }
        }
    }

    /**
     * Reads one field into {@link #field}; returns what ended it: the delimiter, '\n' for a line
     * break (a CR LF consumed whole) or -1 for the end of the file.
     */
    private int readField() throws IOException {
        field.setLength(0);
        if (!fill()) {
            return -1;
        }
        if (buffer[position] == QUOTE) {
            position++;
            if (readQuoted()) {
                return -1;
            }
        }
        // unquoted text, or what follows a closing quote up to the delimiter
        while (true) {
            if (!fill()) {
                return -1;
            }
            int start = position;
            char[] chars = buffer;
            int end = limit;
            while (position < end) {
                char c = chars[position];
                if (c == delimiter) {
                    append(chars, start, position - start);
                    position++;
                    return delimiter;
                }
                if (c == '\n' || c == '\r') {
                    append(chars, start, position - start);
                    position++;
                    if (c == '\r' && fill() && buffer[position] == '\n') {
                        position++;
                    }
                    return '\n';
                }
                position++;
            }
            append(chars, start, position - start);
        }
    }

    /** Reads a quoted field's text after its opening quote; true when the file ended inside the quotes. */
    private boolean readQuoted() throws IOException {
        while (true) {
            if (!fill()) {
                return true;
            }
            int start = position;
            char[] chars = buffer;
            int end = limit;
            while (position < end && chars[position] != QUOTE) {
                position++;
            }
            append(chars, start, position - start);
            if (position < end) {
                position++;
                if (fill() && buffer[position] == QUOTE) {
                    append(QUOTE_TEXT, 0, 1);
                    position++;
                } else {
                    return false;
                }
            }
        }
    }

    /** Adds a field to the record, refusing the record once it holds more fields than the column limit. */
    private void add(List<String> fields, String value) {
        fields.add(value);
        if (fields.size() > limits.maxColumns()) {
            throw exceeded(LimitExceededException.Limit.COLUMNS, limits.maxColumns());
        }
    }

    /** Adds characters to the field, refusing the field or the record once it goes past its limit. */
    private void append(char[] chars, int start, int count) {
        field.append(chars, start, count);
        recordChars += count;
        if (field.length() > limits.maxCellChars()) {
            throw exceeded(LimitExceededException.Limit.CELL, limits.maxCellChars());
        }
        if (recordChars > limits.maxLineChars()) {
            throw exceeded(LimitExceededException.Limit.LINE, limits.maxLineChars());
        }
    }

    /** The limit gone past, in the record being read (the one after the last returned). */
    private LimitExceededException exceeded(LimitExceededException.Limit limit, int maximum) {
        return new LimitExceededException(limit, maximum, Math.toIntExact(recordNumber + 1));
    }

    /** Whether a character is there to read, reading the next part of the text when the buffer is used up. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (endOfFile) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer, 0, BUFFER);
        } while (read == 0);
        if (read < 0) {
            endOfFile = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
