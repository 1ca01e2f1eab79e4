package org.gugus.ingest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.LoadReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file registry in PostgreSQL. Content already received from an office is recognised by its
 * SHA-256 through a unique index, so it is never loaded twice, across restarts and instances.
 */
@Repository
public class FileRegistry {

    private static final String COLUMNS = """
            id, office_code, original_name, size_bytes, sha256, landing_path, source, received_at, status, duplicate_of
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FileRegistry(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Registers a file of a known office. When its content was received before, the new row is
     * recorded as ALREADY_RECEIVED and {@link Registration#original()} is the earlier one.
     */
    public Registration register(String officeCode, String originalName, LandedFile landed, FileSource source) {
        Optional<Long> id = jdbc.sql("""
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, source, status)
                values (?, ?, ?, ?, ?, ?, 'RECEIVED')
                on conflict (office_code, sha256) where duplicate_of is null and office_code is not null do nothing
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(), source.name())
                .query(Long.class).optional();
        if (id.isPresent()) {
            return new Registration(find(id.get()), null);
        }
        ReceivedFile original = jdbc.sql("select " + COLUMNS + " from ingest.received_file"
                        + " where office_code = ? and sha256 = ? and duplicate_of is null")
                .params(officeCode, landed.sha256()).query(FileRegistry::row).single();
        long duplicate = jdbc.sql("""
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, source,
                                                  status, duplicate_of, finished_at)
                values (?, ?, ?, ?, ?, ?, 'ALREADY_RECEIVED', ?, now())
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(), source.name(),
                        original.id())
                .query(Long.class).single();
        return new Registration(find(duplicate), original);
    }

    /** Registers a file that can go no further than quarantine, e.g. from a folder that names no office. */
    public ReceivedFile registerQuarantined(String officeCode, String originalName, LandedFile landed, FileSource source,
            LoadReport report) {
        long id = jdbc.sql("""
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, source, status)
                values (?, ?, ?, ?, ?, ?, 'QUARANTINED')
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(), source.name())
                .query(Long.class).single();
        finish(id, report);
        return find(id);
    }

    public void finish(long id, LoadReport report) {
        jdbc.sql("""
                update ingest.received_file
                   set status = ?, format = ?, error_code = ?, error_message = ?, outcome = ?::jsonb, finished_at = now()
                 where id = ?
                """)
                .params(report.status().name(), report.format(),
                        report.error() == null ? null : report.error().code(),
                        report.error() == null ? null : report.error().message(),
                        json.writeValueAsString(DeliverySummary.counts(report)), id)
                .update();
    }

    public ReceivedFile find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.received_file where id = ?").param(id)
                .query(FileRegistry::row).single();
    }

    /** Files whose load was interrupted or failed: a restart resumes them. */
    public List<ReceivedFile> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from ingest.received_file"
                        + " where status in ('RECEIVED', 'FAILED') and duplicate_of is null and office_code is not null"
                        + " order by id")
                .query(FileRegistry::row).list();
    }

    private static ReceivedFile row(ResultSet rs, int rowNum) throws SQLException {
        return new ReceivedFile(rs.getLong("id"), rs.getString("office_code"), rs.getString("original_name"),
                rs.getLong("size_bytes"), rs.getString("sha256"), Path.of(rs.getString("landing_path")),
                FileSource.valueOf(rs.getString("source")), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("status"), rs.getObject("duplicate_of", Long.class));
    }

    /** A registration; {@code original} is set when the same content was received before. */
    public record Registration(ReceivedFile file, ReceivedFile original) {

        public boolean alreadyReceived() {
            return original != null;
        }
    }
}
