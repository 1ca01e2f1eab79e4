package org.gugus.workbook;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Watches the characters on their way to the CSV parser and stops the read once a field, a record
 * or a record's fields go past the {@link WorkbookLimits}: the parser would otherwise build a 50 MB
 * field, or a record of 15 million fields, whole in memory before anyone could look at it. It
 * follows quotes as the parser does (a quote opens a field only at its start; {@code ""} inside is
 * a quote), so delimiters and line breaks inside quoted fields are counted as text and the quotes
 * around a field are not. Holds nothing but counters.
 */
final class CsvRecordGuard extends FilterReader {

    private final WorkbookLimits limits;

    private final char delimiter;

    private boolean inQuotes;

    private boolean quoteInQuotes;

    private boolean fieldStart = true;

    private boolean afterCarriageReturn;

    private int fieldChars;

    private int recordChars;

    private int fields = 1;

    private int recordNumber = 1;

    CsvRecordGuard(Reader in, char delimiter, WorkbookLimits limits) {
        super(in);
        this.delimiter = delimiter;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset, end = offset + read; i < end; i++) {
            char c = buffer[i];
            if (inQuotes || afterCarriageReturn || c == '"' || c == '\r' || c == '\n' || c == delimiter) {
                see(c);
            }
            else {
                // most characters: text outside quotes, as see() takes it, without its turns
                fieldStart = false;
                count();
            }
        }
        return read;
    }

    private void see(char c) {
        if (inQuotes) {
            if (quoteInQuotes) {
                quoteInQuotes = false;
                if (c == '"') {
                    count();
                    return;
                }
                inQuotes = false;
                // the quote closed the field; c is read as outside quotes below
            }
            else {
                if (c == '"') {
                    // a closing quote, or the first of a doubled one: counted once the next character tells
                    quoteInQuotes = true;
                }
                else {
                    count();
                }
                return;
            }
        }
        boolean carriageReturn = afterCarriageReturn;
        afterCarriageReturn = false;
        if (c == '\n' && carriageReturn) {
            return;
        }
        if (c == '\r' || c == '\n') {
            afterCarriageReturn = c == '\r';
            recordNumber++;
            recordChars = 0;
            fieldChars = 0;
            fields = 1;
            fieldStart = true;
        }
        else if (c == delimiter) {
            if (++fields > limits.maxColumns()) {
                throw failure(LimitExceededException.Limit.COLUMNS, limits.maxColumns());
            }
            fieldChars = 0;
            fieldStart = true;
        }
        else {
            boolean opensQuotes = c == '"' && fieldStart;
            fieldStart = false;
            if (opensQuotes) {
                inQuotes = true;
            }
            else {
                count();
            }
        }
    }

    private void count() {
        if (++fieldChars > limits.maxCellChars()) {
            throw failure(LimitExceededException.Limit.CELL, limits.maxCellChars());
        }
        if (++recordChars > limits.maxLineChars()) {
            throw failure(LimitExceededException.Limit.LINE, limits.maxLineChars());
        }
    }

    private LimitExceededException failure(LimitExceededException.Limit limit, int maximum) {
        return new LimitExceededException(limit, maximum, recordNumber);
    }
}
