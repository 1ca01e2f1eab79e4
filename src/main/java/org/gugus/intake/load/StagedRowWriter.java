package org.gugus.intake.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of judged rows to the staging table. Re-writing a row (a chunk replayed after a
 * crash) changes nothing.
 */
public class StagedRowWriter implements ItemWriter<StagedRow> {

    private static final String INSERT = """
            insert into intake.staged_row (file_id, ordinal, sheet, row_number, rejected, identity_key, person_key,
                                           content_hash, case_row, original, findings)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
            on conflict (file_id, ordinal) do nothing
            """;

    private final JdbcTemplate jdbc;

    public StagedRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        jdbc.batchUpdate(INSERT, chunk.getItems(), chunk.size(), StagedRowWriter::bind);
    }

    private static void bind(PreparedStatement statement, StagedRow row) throws SQLException {
        statement.setLong(1, row.fileId());
        statement.setInt(2, row.ordinal());
        statement.setString(3, row.sheet());
        statement.setInt(4, row.rowNumber());
        statement.setBoolean(5, row.rejected());
        statement.setString(6, row.identityKey());
        statement.setString(7, row.personKey());
        statement.setString(8, row.contentHash());
        if (row.caseRowJson() == null) {
            statement.setNull(9, Types.VARCHAR);
        } else {
            statement.setString(9, row.caseRowJson());
        }
        statement.setString(10, row.originalJson());
        statement.setString(11, row.findingsJson());
    }
}
