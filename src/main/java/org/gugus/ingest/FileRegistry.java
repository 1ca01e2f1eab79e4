package org.gugus.ingest;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.FileOutcome;
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
            id, office_code, original_name, size_bytes, sha256, landing_path, source, received_at, status, duplicate_of,
            load_attempts, kept_at, outcome
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
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, kept_at,
                                                  source, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (office_code, sha256) where duplicate_of is null and office_code is not null do nothing
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(),
                        landed.path().toString(), source.name(), FileStatus.RECEIVED.name())
                .query(Long.class).optional();
        if (id.isPresent()) {
            return new Registration(find(id.get()), null);
        }
        ReceivedFile original = jdbc.sql("select " + COLUMNS + " from ingest.received_file"
                        + " where office_code = ? and sha256 = ? and duplicate_of is null")
                .params(officeCode, landed.sha256()).query(this::row).single();
        long duplicate = jdbc.sql("""
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, kept_at,
                                                  source, status, duplicate_of, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(),
                        landed.path().toString(), source.name(), FileStatus.ALREADY_RECEIVED.name(), original.id())
                .query(Long.class).single();
        return new Registration(find(duplicate), original);
    }

    /**
     * Registers a file that can go no further than quarantine, e.g. from a folder that names no
     * office; its outcome follows with {@link #finish}.
     */
    public ReceivedFile registerQuarantined(String officeCode, String originalName, LandedFile landed,
            FileSource source) {
        long id = jdbc.sql("""
                insert into ingest.received_file (office_code, original_name, size_bytes, sha256, landing_path, kept_at,
                                                  source, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """)
                .params(officeCode, originalName, landed.size(), landed.sha256(), landed.path().toString(),
                        landed.path().toString(), source.name(), FileStatus.QUARANTINED.name())
                .query(Long.class).single();
        return find(id);
    }

    /** Records what the file's load became. */
    public void finish(long id, FileOutcome outcome) {
        jdbc.sql("""
                update ingest.received_file
                   set status = ?, format = ?, error_code = ?, error_message = ?, outcome = ?::jsonb, finished_at = now()
                 where id = ?
                """)
                .params(FileStatus.of(outcome.status()).name(), outcome.format(),
                        outcome.error() == null ? null : outcome.error().code(),
                        outcome.error() == null ? null : outcome.error().message(),
                        json.writeValueAsString(outcome), id)
                .update();
    }

    /** Counts a load of the file as started; returns how many were started, this one included. */
    int startAttempt(long id) {
        return jdbc.sql("update ingest.received_file set load_attempts = load_attempts + 1 where id = ? returning load_attempts")
                .param(id).query(Integer.class).single();
    }

    /** A new delivery of the file's content after its attempts ran out: it gets as many again. */
    void resetAttempts(long id) {
        jdbc.sql("update ingest.received_file set load_attempts = 0 where id = ?").param(id).update();
    }

    /** Records where the file's original is kept now. */
    void keptAt(long id, Path original) {
        jdbc.sql("update ingest.received_file set kept_at = ? where id = ?").params(original.toString(), id).update();
    }

    public ReceivedFile find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.received_file where id = ?").param(id)
                .query(this::row).single();
    }

    public Optional<ReceivedFile> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from ingest.received_file where id = ?").param(id)
                .query(this::row).optional();
    }

    /** The latest files first, of one office and in one status when those are given. */
    public List<ReceivedFile> list(String officeCode, FileStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ingest.received_file where true");
        List<Object> params = new ArrayList<>();
        if (officeCode != null) {
            sql.append(" and office_code = ?");
            params.add(officeCode);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** Files whose load was interrupted or failed: a restart resumes them. */
    public List<ReceivedFile> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from ingest.received_file"
                        + " where status in (?, ?) and duplicate_of is null and office_code is not null order by id")
                .params(FileStatus.RECEIVED.name(), FileStatus.FAILED.name())
                .query(this::row).list();
    }

    private ReceivedFile row(ResultSet rs, int rowNum) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ReceivedFile(rs.getLong("id"), rs.getString("office_code"), rs.getString("original_name"),
                rs.getLong("size_bytes"), rs.getString("sha256"), Path.of(rs.getString("landing_path")),
                FileSource.valueOf(rs.getString("source")), rs.getObject("received_at", OffsetDateTime.class),
                FileStatus.valueOf(rs.getString("status")), rs.getObject("duplicate_of", Long.class),
                rs.getInt("load_attempts"), Path.of(rs.getString("kept_at")),
                outcome == null ? null : json.readValue(outcome, FileOutcome.class));
    }

    /** A registration; {@code original} is set when the same content was received before. */
    public record Registration(ReceivedFile file, ReceivedFile original) {

        public boolean alreadyReceived() {
            return original != null;
        }
    }
}
