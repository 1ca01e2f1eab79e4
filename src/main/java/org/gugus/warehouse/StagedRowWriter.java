package org.gugus.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gugus.system.BinaryCopy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of judged rows to the staging table with PostgreSQL's COPY, inside the chunk's
 * transaction: the rows and the reader's position commit together, so a restarted job never
 * writes a committed row twice. The rows go in COPY's binary format ({@link BinaryCopy}): the server
 * takes each value as it keeps it instead of parsing every text, number and array of cells.
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
            + " identity_key, person_key, content_hash, " + StagedCase.COLUMNS + ", original_headers,"
            + " original_values, original_cells, findings, row_hash, known_victim_id) from stdin (format binary)";

    /** The fields of a staged row: place (5), keys (3), normalised values, original (3), findings, row hash, record. */
    private static final int FIELDS = 5 + 3 + StagedCase.COLUMNS.split(",").length + 3 + 3;

    /** The headers of the chunk's rows as written, each list once (a file's rows share one or a few). */
    private static final String HEADERS = "insert into warehouse.row_header (key, headers) values (?, ?)"
            + " on conflict do nothing";

    /**
     * Thin rows ({@link StagedRow#repeats()}) as runs ({@code warehouse.staged_run}): consecutive rows of the
     * chunk in one sheet, one row a run with their records and row hashes.
     */
    private static final String COPY_RUNS = "copy warehouse.staged_run (file_id, first_ordinal, sheet, first_row_number,"
            + " victim_ids, row_hashes) from stdin (format binary)";

    /** One buffer a thread that encodes rows ahead of their COPY ({@link #encode}): the judges, a few. */
    private static final ThreadLocal<BinaryCopy> ENCODERS = ThreadLocal.withInitial(BinaryCopy::new);

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
        List<ThinRun> runs = new ArrayList<>();
        Map<Long, List<String>> headers = new LinkedHashMap<>();
        boolean judged = false;
        ThinRun run = null;
        for (StagedRow row : chunk) {
            if (row.original() != null) {
                headers.putIfAbsent(row.original().headersKey(), row.original().headers());
            } else if (row.encodedRow() != null && row.encodedRow().headers() != null) {
                headers.putIfAbsent(row.encodedRow().headersKey(), row.encodedRow().headers());
            }
            if (row.repeats()) {
                if (run == null || !run.continuedBy(row)) {
                    run = new ThinRun(row);
                    runs.add(run);
                } else {
                    run.add(row);
                }
            } else {
                judged = true;
            }
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
                    for (Map.Entry<Long, List<String>> list : headers.entrySet()) {
                        insert.setLong(1, list.getKey());
                        insert.setArray(2, connection.createArrayOf("text", list.getValue().toArray()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (!runs.isEmpty()) {
                copy(copy, COPY_RUNS, rows -> {
                    for (ThinRun thin : runs) {
                        thin.writeTo(rows);
                    }
                });
            }
            if (judged) {
                copy(copy, COPY, rows -> {
                    for (StagedRow row : chunk) {
                        if (row.encodedRow() != null) {
                            rows.rows(row.encodedRow().fields());
                        } else if (!row.repeats()) {
                            writeJudged(rows, row);
                        }
                    }
                });
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Runs one COPY of rows written by {@code rows}; a COPY that failed half-way is cancelled, leaving the connection usable. */
    private static void copy(CopyManager copy, String sql, CopyRows rows) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            BinaryCopy data = new BinaryCopy(in);
            rows.writeTo(data);
            data.end();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    @FunctionalInterface
    private interface CopyRows {
        void writeTo(BinaryCopy rows) throws SQLException;
    }

    /**
     * A judged row's fields encoded as {@link #write} would copy them, on the calling thread (a judge's), into
     * that thread's buffer and taken from it.
     */
    static EncodedRow encode(StagedRow row) {
        BinaryCopy buffer = ENCODERS.get();
        try {
            writeJudged(buffer, row);
        } catch (SQLException e) {
            throw new IllegalStateException("An encoder in memory sends nothing", e);
        }
        OriginalRow original = row.original();
        long identity = row.identityHash();
        String findings = StagedRow.NO_FINDINGS.equals(row.findingsJson()) ? null : row.findingsJson();
        long caseDate = row.caseDate();
        return original == null ? new EncodedRow(buffer.take(), 0, null, identity, caseDate, findings)
                : new EncodedRow(buffer.take(), original.headersKey(), original.headers(), identity, caseDate,
                        findings);
    }

    private static void writeJudged(BinaryCopy rows, StagedRow row) throws SQLException {
        rows.row(FIELDS);
        rows.int8(row.fileId());
        rows.int4Value(row.ordinal());
        rows.text(row.sheet());
        rows.int4Value(row.rowNumber());
        rows.bool(row.rejected());
        rows.text(row.identityKey());
        rows.text(row.personKey());
        rows.text(row.contentHash());
        StagedCase values = row.caseValues();
        if (values == null) {
            for (int i = 0; i < CASE_COLUMNS; i++) {
                rows.nullValue();
            }
        } else {
            rows.text(values.caseNumber());
            rows.text(values.reportDate());
            rows.text(values.incidentDate());
            rows.text(values.victimName());
            rows.text(values.nik());
            rows.text(values.sex());
            rows.text(values.birthPlace());
            rows.text(values.birthDate());
            rows.int2(values.age());
            rows.text(values.originRegency());
            rows.text(values.originRegencyCode());
            rows.text(values.originDistrict());
            rows.text(values.originDistrictCode());
            rows.text(values.originVillage());
            rows.text(values.originVillageCode());
            rows.text(values.address());
            rows.text(values.citizenship());
            rows.text(values.citizenshipCountry());
            rows.text(values.education());
            rows.textArray(values.exploitation());
            rows.textArray(values.recruitment());
            rows.text(values.destinationCountry());
            rows.text(values.destinationArea());
            rows.text(values.caseStage());
            rows.textArray(values.services());
            rows.text(values.notes());
        }
        if (row.original() == null) {
            rows.nullValue();
            rows.nullValue();
            rows.nullValue();
        } else {
            rows.int8(row.original().headersKey());
            // the cells as one text where it gives them back, as an array otherwise (V106); joined as they are encoded
            if (row.original().joinable()) {
                rows.nullValue();
                rows.joinedText(row.original().values(), OriginalRow.CELL_SEPARATOR, OriginalRow.NO_VALUE);
            } else {
                rows.textArray(Arrays.asList(row.original().values()));
                rows.nullValue();
            }
        }
        rows.jsonb(row.findingsJson());
        rows.bytea(row.rowHash());
        rows.int8(row.knownVictimId());
    }

    /** A rejected row's (or a thin row's) normalised values: none. */
    private static final int CASE_COLUMNS = StagedCase.COLUMNS.split(",").length;

    /** Thin rows of one sheet with consecutive ordinals and row numbers: one row of {@code warehouse.staged_run}. */
    private static final class ThinRun {

        private final StagedRow first;
        private long[] victims = new long[64];
        private byte[] hashes = new byte[64 * KnownRows.HASH_BYTES];
        private int size;
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
            if (size == victims.length) {
                victims = Arrays.copyOf(victims, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2 * KnownRows.HASH_BYTES);
            }
            victims[size] = row.knownVictimId().longValue();
            System.arraycopy(row.rowHash(), 0, hashes, size * KnownRows.HASH_BYTES, KnownRows.HASH_BYTES);
            size++;
            last = row;
        }

        void writeTo(BinaryCopy rows) throws SQLException {
            rows.row(6);
            rows.int8(first.fileId());
            rows.int4Value(first.ordinal());
            rows.text(first.sheet());
            rows.int4Value(first.rowNumber());
            rows.int8Array(victims, size);
            rows.bytea(hashes, size * KnownRows.HASH_BYTES);
        }
    }
}
