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
 * A quote opens a quoted field only as the field's first character; inside it, {@code ""} is a quote
 * and any other quote closes it. A line ends at CR, LF or CR LF. An empty line is a record of one
 * empty field; the end of the file ends a last record that has any character (a delimiter included).
 */
final class CsvRecords {

    private static final int BUFFER = 8192;

    private static final char QUOTE = '"';

    private final Reader in;

    private final char delimiter;

    private final char[] buffer = new char[BUFFER];

    private int position;

    private int limit;

    private boolean endOfFile;

    private long recordNumber;

    private final StringBuilder field = new StringBuilder(64);

    CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
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
        while (true) {
            int end = readField();
            fields.add(field.toString());
            if (end != delimiter) {
                // a line break or the end of the file
                recordNumber++;
                return fields;
            }
            if (!fill()) {
                // a delimiter just before the end of the file: a last, empty field
                fields.add("");
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
                    field.append(chars, start, position - start);
                    position++;
                    return delimiter;
                }
                if (c == '\n' || c == '\r') {
                    field.append(chars, start, position - start);
                    position++;
                    if (c == '\r' && fill() && buffer[position] == '\n') {
                        position++;
                    }
                    return '\n';
                }
                position++;
            }
            field.append(chars, start, position - start);
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
            field.append(chars, start, position - start);
            if (position < end) {
                position++;
                if (fill() && buffer[position] == QUOTE) {
                    field.append(QUOTE);
                    position++;
                } else {
                    return false;
                }
            }
        }
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
