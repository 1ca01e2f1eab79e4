package org.gugus.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** Reads the reference CSV files on the classpath (plain or gzipped): comma-separated, quoted when needed. */
final class ReferenceCsv {

    private static final String FOLDER = "/reference/";

    private ReferenceCsv() {
    }

    /** Calls {@code row} for every line after the header. */
    static void read(String file, Consumer<List<String>> row) {
        read(file, line -> true, row);
    }

    /** Calls {@code row} for every line after the header that {@code lines} takes (tested before it is parsed). */
    static void read(String file, Predicate<String> lines, Consumer<List<String>> row) {
        try (InputStream raw = ReferenceCsv.class.getResourceAsStream(FOLDER + file)) {
            if (raw == null) {
                throw new IllegalStateException("Reference file " + FOLDER + file + " is not in this build of Gugus");
            }
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && lines.test(line)) {
                    row.accept(fields(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + file, e);
        }
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(4);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
