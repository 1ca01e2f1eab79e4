package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRecordsTests {

    @Test
    void splitsRandomTextIntoTheRecordsCommonsCsvMadeOfIt() throws IOException {
        Random random = new Random(13);
        char[] alphabet = {'a', 'b', ' ', ';', ',', '"', '"', '\r', '\n', '\t', 'é'};
        for (int test = 0; test < 30_000; test++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            char delimiter = test % 2 == 0 ? ';' : ',';

            assertThat(records(new CsvRecords(new StringReader(text.toString()), delimiter, WorkbookLimits.DEFAULTS)))
                    .as("%s with %s", text.toString().replace("\r", "\\r").replace("\n", "\\n"), delimiter)
                    .isEqualTo(commonsCsv(text.toString(), delimiter));
        }
    }

    @Test
    void readsRecordsAcrossTheEndsOfItsBufferAsAWhole() throws IOException {
        String field = "x".repeat(5000);
        String text = field + ";\"" + field + "\"\"" + field + "\"\r\n" + field + "\r";

        assertThat(records(new CsvRecords(new OneCharAtATime(text), ';', WorkbookLimits.DEFAULTS)))
                .isEqualTo(commonsCsv(text, ';'))
                .hasSize(2);
        assertThat(records(new CsvRecords(new StringReader(text), ';', WorkbookLimits.DEFAULTS)))
                .isEqualTo(commonsCsv(text, ';'));
    }

    @Test
    void refusesTheFirstRecordThatGoesPastALimitCountingTheFieldsOwnCharacters() throws IOException {
        WorkbookLimits limits = new WorkbookLimits(6, 14, 4);
        Random random = new Random(17);
        char[] alphabet = {'a', 'b', 'c', ';', '"', '"', '\n', '\r'};
        int refused = 0;
        for (int test = 0; test < 20_000; test++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            List<List<String>> expected = commonsCsvFields(text.toString(), ';');
            int firstPast = firstRecordPast(expected, limits);
            CsvRecords records = new CsvRecords(new StringReader(text.toString()), ';', limits);
            String as = text.toString().replace("\r", "\\r").replace("\n", "\\n");
            if (firstPast == 0) {
                assertThat(records(records)).as(as).isEqualTo(commonsCsv(text.toString(), ';'));
                continue;
            }
            refused++;
            try {
                records(records);
                throw new AssertionError("not refused: " + as);
            } catch (LimitExceededException e) {
                assertThat(e.rowNumber()).as(as).isEqualTo(firstPast);
                assertThat(limitsPast(expected.get(firstPast - 1), limits)).as(as).contains(e.limit());
            }
        }
        assertThat(refused).isBetween(2_000, 18_000);
    }

    /** The number of the first record whose fields go past a limit; 0 when none does. */
    private static int firstRecordPast(List<List<String>> records, WorkbookLimits limits) {
        for (int i = 0; i < records.size(); i++) {
            if (!limitsPast(records.get(i), limits).isEmpty()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<LimitExceededException.Limit> limitsPast(List<String> fields, WorkbookLimits limits) {
        List<LimitExceededException.Limit> past = new ArrayList<>();
        if (fields.stream().anyMatch(field -> field.length() > limits.maxCellChars())) {
            past.add(LimitExceededException.Limit.CELL);
        }
        if (fields.stream().mapToInt(String::length).sum() > limits.maxLineChars()) {
            past.add(LimitExceededException.Limit.LINE);
        }
        if (fields.size() > limits.maxColumns()) {
            past.add(LimitExceededException.Limit.COLUMNS);
        }
        return past;
    }

    /** Each record as its number and its fields. */
    private static List<String> records(CsvRecords records) throws IOException {
        List<String> all = new ArrayList<>();
        for (List<String> fields = records.next(); fields != null; fields = records.next()) {
            all.add(records.recordNumber() + " " + fields);
        }
        return all;
    }

    private static List<List<String>> commonsCsvFields(String text, char delimiter) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
            for (CSVRecord record : parser) {
                all.add(record.toList());
            }
        }
        return all;
    }

    /** Each record Commons CSV makes of the text as its number and its fields, as {@link #records} gives them. */
    private static List<String> commonsCsv(String text, char delimiter) throws IOException {
        List<List<String>> records = commonsCsvFields(text, delimiter);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            all.add((i + 1) + " " + records.get(i));
        }
        return all;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(false)
                .setLenientEof(true).setTrailingData(true).get();
    }

    /** A reader that gives one character a read, as a slow stream may. */
    private static final class OneCharAtATime extends Reader {

        private final StringReader in;

        OneCharAtATime(String text) {
            this.in = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, 1));
        }

        @Override
        public void close() {
        }
    }
}
