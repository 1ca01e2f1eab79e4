package org.gugus.workbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * Streams a CSV file as one sheet of text cells. A CSV carries no types, so every value is text; the
 * encoding (UTF-8, with or without BOM, else Windows-1252) and the delimiter are found from the
 * bytes, because offices save CSVs from many programs and locales.
 */
final class CsvWorkbookReader implements WorkbookReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

    private static final int SAMPLE_CHARS = 64 * 1024;

    private static final int SAMPLE_RECORDS = 50;

    private final String sheet;

    private final Charset charset;

    private final char delimiter;

    private final Reader text;

    private final CsvRecords records;

    private final RowBuilder row;

    private CsvWorkbookReader(String sheet, Charset charset, char delimiter, Reader text, WorkbookLimits limits) {
        this.sheet = sheet;
        this.charset = charset;
        this.delimiter = delimiter;
        this.text = text;
        this.records = new CsvRecords(text, delimiter, limits);
        this.row = new RowBuilder(limits);
    }

    static CsvWorkbookReader open(Path file, String sheet) {
        return open(file, sheet, WorkbookLimits.DEFAULTS);
    }

    static CsvWorkbookReader open(Path file, String sheet, WorkbookLimits limits) {
        try {
            boolean bom = hasUtf8Bom(file);
            // The whole file is checked (streaming), since one accented name deep in the file decides it.
            Charset charset = bom || Utf8Bytes.isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            InputStream in = Files.newInputStream(file);
            try {
                if (bom) {
                    in.skipNBytes(3);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), SAMPLE_CHARS + 1);
                reader.mark(SAMPLE_CHARS + 1);
                char[] sample = new char[SAMPLE_CHARS];
                int length = reader.read(sample, 0, SAMPLE_CHARS);
                int read = length;
                while (read > 0 && length < SAMPLE_CHARS) {
                    read = reader.read(sample, length, SAMPLE_CHARS - length);
                    length += Math.max(read, 0);
                }
                reader.reset();
                char delimiter = detectDelimiter(CharBuffer.wrap(sample, 0, Math.max(length, 0)),
                        length < SAMPLE_CHARS);
                return new CsvWorkbookReader(sheet, charset, delimiter, reader, limits);
            }
            catch (IOException | RuntimeException ex) {
                in.close();
                throw ex;
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.CSV;
    }

    Charset charset() {
        return charset;
    }

    char delimiter() {
        return delimiter;
    }

    @Override
    public SheetRow next() throws UnreadableFileException {
        try {
            for (List<String> record = records.next(); record != null; record = records.next()) {
                int column = 0;
                for (String value : record) {
                    row.put(column++, CellText.text(value));
                }
                List<CellValue> cells = row.finish();
                if (!cells.isEmpty()) {
                    return new SheetRow(sheet, Math.toIntExact(records.recordNumber()), cells);
                }
            }
            return null;
        }
        catch (LimitExceededException ex) {
            throw WorkbookErrors.tooLarge(SpreadsheetFormat.CSV, ex, sheet, Math.toIntExact(records.recordNumber() + 1));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            text.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The delimiter that splits most of the first records into the same number (more than one) of
     * columns. Title rows above the header and stray commas in addresses only lower a candidate's
     * count of agreeing records; a file with no delimiter at all is one column, read with a comma.
     *
     * @param complete whether the sample holds the whole file; if not, its last record may be cut off
     */
    static char detectDelimiter(CharSequence sample, boolean complete) {
        List<int[]> counts = new ArrayList<>();
        int[] current = new int[DELIMITERS.length];
        boolean inQuotes = false;
        boolean fieldStart = true;
        for (int i = 0; i < sample.length() && counts.size() < SAMPLE_RECORDS; i++) {
            char c = sample.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < sample.length() && sample.charAt(i + 1) == '"') {
                        i++;
                    }
                    else {
                        inQuotes = false;
                    }
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            }
            else if (c == '\n' || c == '\r') {
                counts.add(current);
                current = new int[DELIMITERS.length];
                fieldStart = true;
            }
            else {
                int candidate = indexOfDelimiter(c);
                if (candidate >= 0) {
                    current[candidate]++;
                    fieldStart = true;
                }
                else if (c != ' ') {
                    fieldStart = false;
                }
            }
        }
        if (complete && counts.size() < SAMPLE_RECORDS) {
            counts.add(current);
        }
        char best = ',';
        int bestAgreeing = 0;
        int bestColumns = 0;
        for (int d = 0; d < DELIMITERS.length; d++) {
            Map<Integer, Integer> recordsPerCount = new HashMap<>();
            for (int[] record : counts) {
                if (record[d] > 0) {
                    recordsPerCount.merge(record[d], 1, Integer::sum);
                }
            }
            for (Map.Entry<Integer, Integer> entry : recordsPerCount.entrySet()) {
                int agreeing = entry.getValue();
                int columns = entry.getKey();
                if (agreeing > bestAgreeing || (agreeing == bestAgreeing && columns > bestColumns)) {
                    best = DELIMITERS[d];
                    bestAgreeing = agreeing;
                    bestColumns = columns;
                }
            }
        }
        return best;
    }

    private static int indexOfDelimiter(char c) {
        for (int i = 0; i < DELIMITERS.length; i++) {
            if (DELIMITERS[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
        }
    }
}
