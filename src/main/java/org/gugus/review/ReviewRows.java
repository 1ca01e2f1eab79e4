package org.gugus.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.warehouse.FlaggedVictim;
import org.gugus.warehouse.FlaggedVictims;
import org.gugus.warehouse.RejectedRecord;
import org.gugus.warehouse.RejectedRows;
import org.gugus.warehouse.RejectionStatus;
import org.gugus.warehouse.RowQuery;
import org.gugus.warehouse.StoredFinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows people review, as they read them: rejected rows and flagged victims from the warehouse,
 * each finding located (file, sheet, row, column, value), with the corrections sent for them
 * ({@code review.correction}, this module's own table).
 */
@Component
public class ReviewRows {

    public static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    private final RejectedRows rejectedRows;
    private final FlaggedVictims flaggedVictims;
    private final ReceivedFiles files;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReviewRows(RejectedRows rejectedRows, FlaggedVictims flaggedVictims, ReceivedFiles files, JdbcClient jdbc,
            JsonMapper json) {
        this.rejectedRows = rejectedRows;
        this.flaggedVictims = flaggedVictims;
        this.files = files;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Rejected rows of a file and/or an office; {@code status} null for all. */
    public List<RejectedRow> rejected(Long fileId, String officeCode, RejectionStatus status, int limit) {
        List<RejectedRecord> records = rejectedRows.list(new RowQuery(fileId, officeCode, null, status, limit(limit)));
        Map<Long, String> names = files.names(records.stream().map(RejectedRecord::fileId).toList());
        return records.stream().map(record -> rejectedRow(record, names.get(record.fileId()), List.of())).toList();
    }

    public Optional<RejectedRow> rejected(long id) {
        return rejectedRows.find(id).map(record -> rejectedRow(record, name(record.fileId()),
                corrections("rejected_row_id", id)));
    }

    /** Victims with warnings whose flags came from a file, and/or of an office; optionally of one code. */
    public List<FlaggedRow> flagged(Long fileId, String officeCode, String code, int limit) {
        List<FlaggedVictim> victims = flaggedVictims.list(new RowQuery(fileId, officeCode, code, null, limit(limit)));
        Map<Long, String> names = files.names(victims.stream().map(FlaggedVictim::fileId).toList());
        return victims.stream().map(victim -> flaggedRow(victim, names.get(victim.fileId()), List.of())).toList();
    }

    public Optional<FlaggedRow> flagged(long victimId) {
        return flaggedVictims.find(victimId).map(victim -> flaggedRow(victim, name(victim.fileId()),
                corrections("flagged_victim_id", victimId)));
    }

    public Optional<Correction> correction(long id) {
        return jdbc.sql(CORRECTIONS + " where id = ?").param(id).query(this::correctionOf).optional()
                .map(correction -> withFileName(correction, name(correction.fileId())));
    }

    /** The page size asked for, at most {@link #MAX_LIMIT}; zero or less is refused. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(Messages.get("review.limit.invalid", limit, MAX_LIMIT).both());
        }
        return Math.min(limit, MAX_LIMIT);
    }

    private List<Correction> corrections(String column, long id) {
        List<Correction> corrections = jdbc.sql(CORRECTIONS + " where " + column + " = ? order by id").param(id)
                .query(this::correctionOf).list();
        Map<Long, String> names = files.names(corrections.stream().map(Correction::fileId).toList());
        return corrections.stream().map(correction -> withFileName(correction, names.get(correction.fileId()))).toList();
    }

    private static final String CORRECTIONS = """
            select id, rejected_row_id, flagged_victim_id, office_code, file_id, sheet, row_number, submitted_by, note,
                   submitted_at, row_values::text as row_values, findings::text as findings, outcome, victim_id
              from review.correction""";

    /** A correction as read, its findings not yet located (the file name is looked up after). */
    private Correction correctionOf(ResultSet rs, int n) throws SQLException {
        return new Correction(rs.getLong("id"), nullableLong(rs, "rejected_row_id"), nullableLong(rs, "flagged_victim_id"),
                rs.getString("office_code"), rs.getLong("file_id"), rs.getString("sheet"), rs.getInt("row_number"),
                rs.getString("submitted_by"), rs.getString("note"), rs.getObject("submitted_at", OffsetDateTime.class),
                json.readValue(rs.getString("row_values"), VALUES), rs.getString("outcome"), nullableLong(rs, "victim_id"),
                json.readValue(rs.getString("findings"), FINDINGS).stream()
                        .map(finding -> new ReviewFinding(finding.code(), finding.field(), finding.column(), finding.value(),
                                finding.messageId(), finding.messageEn(), finding.messageId(), finding.messageEn()))
                        .toList());
    }

    private Correction withFileName(Correction correction, String fileName) {
        Message where = Messages.get("review.finding.correction-of", fileName, correction.id());
        List<ReviewFinding> located = correction.findings().stream()
                .map(finding -> ReviewFinding.located(where, correction.sheet(), correction.rowNumber(), finding.code(),
                        finding.field(), finding.column(), finding.value(), finding.cellMessageId(),
                        finding.cellMessageEn()))
                .toList();
        return new Correction(correction.id(), correction.rejectedRowId(), correction.flaggedVictimId(),
                correction.officeCode(), correction.fileId(), correction.sheet(), correction.rowNumber(),
                correction.submittedBy(), correction.note(), correction.submittedAt(), correction.values(),
                correction.outcome(), correction.victimId(), located);
    }

    private RejectedRow rejectedRow(RejectedRecord record, String fileName, List<Correction> corrections) {
        return new RejectedRow(record.id(), record.fileId(), fileName, record.officeCode(), record.sheet(),
                record.rowNumber(), record.status(), record.original(),
                located(record.findings(), new Message(fileName, fileName), record.sheet(), record.rowNumber()),
                record.rejectedAt(),
                record.correctedBy(), corrections);
    }

    private FlaggedRow flaggedRow(FlaggedVictim victim, String fileName, List<Correction> corrections) {
        Message where = victim.sourceCorrectionId() == null ? new Message(fileName, fileName)
                : Messages.get("review.finding.correction-of", fileName, victim.sourceCorrectionId());
        return new FlaggedRow(victim.victimId(), victim.officeCode(), victim.fileId(), fileName, victim.sheet(),
                victim.rowNumber(), victim.caseNumber(), victim.victimName(), victim.sourceCorrectionId(),
                victim.original(), located(victim.flags(), where, victim.sheet(), victim.rowNumber()), corrections);
    }

    private static List<ReviewFinding> located(List<StoredFinding> findings, Message where, String sheet, int row) {
        return findings.stream().map(finding -> ReviewFinding.located(where, sheet, row, finding)).toList();
    }

    private String name(long fileId) {
        return files.names(List.of(fileId)).get(fileId);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
