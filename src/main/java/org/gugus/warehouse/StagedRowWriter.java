package org.gugus.warehouse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of judged rows to the staging table with PostgreSQL's COPY, inside the chunk's
 * transaction: the rows and the reader's position commit together, so a restarted job never
 * writes a committed row twice.
 * <p>
 * A stage step's chunk commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit = off}, for that transaction only): the staged rows and the step's
 * position (the job repository, same database, same transaction) are made durable together, in
 * commit order, so a crash of the server loses at most the last chunks whole, rows and position
 * alike, and the restart stages them again; the publish's transaction commits as every other does,
 * which makes every chunk before it durable first.
 */
class StagedRowWriter implements ItemWriter<StagedRow> {

    private static final String COPY = "copy warehouse.staged_row (file_id, ordinal, sheet, row_number, rejected,"
            + " identity_key, person_key, content_hash, " + StagedCase.COLUMNS + ", original_headers, original_values,"
            + " findings, row_hash, known_victim_id) from stdin";

    /** The headers of the chunk's rows as written, each list once (a file's rows share one or a few). */
    private static final String HEADERS = "insert into warehouse.row_header (key, headers) values (?, ?)"
            + " on conflict do nothing";

    /**
     * Thin rows ({@link StagedRow#repeats()}) as runs ({@code warehouse.staged_run}): consecutive rows of the
     * chunk in one sheet, one row a run with their records and row hashes.
     */
    private static final String COPY_RUNS = "copy warehouse.staged_run (file_id, first_ordinal, sheet, first_row_number,"
            + " victim_ids, row_hashes) from stdin";

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final boolean ownCommit;

    /**
     * @param ownCommit whether the writer's transaction is a stage step's chunk (committed without
     *                  waiting for the disk); false inside a publish, whose commit must be durable
     */
    StagedRowWriter(DataSource dataSource, boolean ownCommit) {
        this.dataSource = dataSource;
        this.ownCommit = ownCommit;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) throws SQLException {
        // a re-delivery's rows are mostly thin: they go in runs of consecutive rows, a few rows a chunk
        // for the server to write and the publish to read instead of one each
        StringBuilder judged = new StringBuilder();
        StringBuilder thin = new StringBuilder();
        Map<Long, OriginalRow> headers = new LinkedHashMap<>();
        ThinRun run = null;
        for (StagedRow row : chunk) {
            if (row.original() != null) {
                headers.putIfAbsent(row.original().headersKey(), row.original());
            }
            if (row.repeats()) {
                if (run == null || !run.continuedBy(row)) {
                    if (run != null) {
                        run.appendTo(thin);
                    }
                    run = new ThinRun(row);
                } else {
                    run.add(row);
                }
            } else {
                appendJudged(judged, row);
            }
        }
        if (run != null) {
            run.appendTo(thin);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (ownCommit) {
                try (Statement commit = connection.createStatement()) {
                    commit.execute("set local synchronous_commit = off");
                }
            }
            if (!headers.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(HEADERS)) {
                    for (OriginalRow original : headers.values()) {
                        insert.setLong(1, original.headersKey());
                        insert.setArray(2, connection.createArrayOf("text", original.headers().toArray()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (!thin.isEmpty()) {
                copy.copyIn(COPY_RUNS, new StringReader(thin.toString()));
            }
            if (!judged.isEmpty()) {
                copy.copyIn(COPY, new StringReader(judged.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void appendJudged(StringBuilder rows, StagedRow row) {
        place(rows, row);
        field(rows, row.identityKey());
        field(rows, row.personKey());
        field(rows, row.contentHash());
        if (row.caseValues() == null) {
            rows.append(NO_CASE_VALUES);
        } else {
            for (Object value : row.caseValues().values()) {
                if (value instanceof List<?> codes) {
                    array(rows, codes);
                    rows.append('\t');
                } else {
                    field(rows, value == null ? null : value.toString());
                }
            }
        }
        if (row.original() == null) {
            rows.append("\\N\t\\N\t");
        } else {
            rows.append(row.original().headersKey()).append('\t');
            array(rows, Arrays.asList(row.original().values()));
            rows.append('\t');
        }
        field(rows, row.findingsJson());
        rowHash(rows, row);
        rows.append('\t').append(row.knownVictimId() == null ? "\\N" : row.knownVictimId().toString()).append('\n');
    }

    /** A rejected row's (or a thin row's) normalised values: none. */
    private static final String NO_CASE_VALUES = "\\N\t".repeat(StagedCase.COLUMNS.split(",").length);

    /**
     * A text array in COPY's text format: each element quoted, its quotes and backslashes escaped for the
     * array, then the whole escaped again for COPY.
     */
    private static void array(StringBuilder rows, List<?> values) {
        rows.append('{');
        for (int i = 0, size = values.size(); i < size; i++) {
            if (i > 0) {
                rows.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                rows.append("NULL");
                continue;
            }
            String text = value.toString();
            rows.append('"');
            for (int c = 0, length = text.length(); c < length; c++) {
                char ch = text.charAt(c);
                switch (ch) {
                    case '\\' -> rows.append("\\\\\\\\"); // \\ for the array, each doubled for COPY
                    case '"' -> rows.append("\\\\\""); // \" for the array, its backslash doubled for COPY
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(ch);
                }
            }
            rows.append('"');
        }
        rows.append('}');
    }

    /** Thin rows of one sheet with consecutive ordinals and row numbers: one line of COPY text. */
    private static final class ThinRun {

        private final StagedRow first;
        private final StringBuilder victims = new StringBuilder("{");
        private final StringBuilder hashes = new StringBuilder("\\\\x");
        private StagedRow last;

        ThinRun(StagedRow first) {
            this.first = first;
            add(first);
        }

        boolean continuedBy(StagedRow row) {
            return row.ordinal() == last.ordinal() + 1 && row.rowNumber() == last.rowNumber() + 1
                    && row.sheet().equals(last.sheet());
        }

        void add(StagedRow row) {
            if (row.rowHash() == null || row.rowHash().length != KnownRows.HASH_BYTES) {
                throw new IllegalArgumentException("A thin row needs its whole row hash (row " + row.ordinal() + ")");
            }
            if (last != null) {
                victims.append(',');
            }
            victims.append(row.knownVictimId().longValue());
            HEX.formatHex(hashes, row.rowHash());
            last = row;
        }

        void appendTo(StringBuilder rows) {
            rows.append(first.fileId()).append('\t').append(first.ordinal()).append('\t');
            field(rows, first.sheet());
            rows.append(first.rowNumber()).append('\t').append(victims).append("}\t").append(hashes).append('\n');
        }
    }

    /** The row's file, ordinal, sheet, row number and whether it was rejected, each followed by a tab. */
    private static void place(StringBuilder rows, StagedRow row) {
        rows.append(row.fileId()).append('\t').append(row.ordinal()).append('\t');
        field(rows, row.sheet());
        rows.append(row.rowNumber()).append('\t').append(row.rejected() ? 't' : 'f').append('\t');
    }

    private static void rowHash(StringBuilder rows, StagedRow row) {
        if (row.rowHash() == null) {
            rows.append("\\N");
        } else {
            // bytea in hex, its backslash escaped for COPY's text format
            rows.append("\\\\x").append(HEX.formatHex(row.rowHash()));
        }
    }

    private static void field(StringBuilder rows, String value) {
        rows.append(value == null ? "\\N" : escaped(value)).append('\t');
    }

    /**
     * COPY's text format: backslash, tab, newline and carriage return are escaped. Looked for in one
     * pass over the value (every staged JSON passes here, on the step's own thread), and replaced
     * only in a value that has one.
     */
    private static String escaped(String value) {
        if (!needsEscape(value)) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static boolean needsEscape(String value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (c == '\\' || (c <= '\r' && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
