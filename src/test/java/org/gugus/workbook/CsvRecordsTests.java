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

            assertThat(records(new CsvRecords(new StringReader(text.toString()), delimiter)))
                    .as("%s with %s", text.toString().replace("\r", "\\r").replace("\n", "\\n"), delimiter)
                    .isEqualTo(commonsCsv(text.toString(), delimiter));
        }
    }

    @Test
    void readsRecordsAcrossTheEndsOfItsBufferAsAWhole() throws IOException {
        String field = "x".repeat(5000);
        String text = field + ";\"" + field + "\"\"" + field + "\"\r\n" + field + "\r";

        assertThat(records(new CsvRecords(new OneCharAtATime(text), ';'))).isEqualTo(commonsCsv(text, ';'))
                .hasSize(2);
        assertThat(records(new CsvRecords(new StringReader(text), ';'))).isEqualTo(commonsCsv(text, ';'));
    }

    /** Each record as its number and its fields. */
    private static List<String> records(CsvRecords records) throws IOException {
        List<String> all = new ArrayList<>();
        for (List<String> fields = records.next(); fields != null; fields = records.next()) {
            all.add(records.recordNumber() + " " + fields);
        }
        return all;
    }

    private static List<String> commonsCsv(String text, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(false)
                .setLenientEof(true).setTrailingData(true).get();
        List<String> all = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                all.add(record.getRecordNumber() + " " + record.toList());
            }
        }
        return all;
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
