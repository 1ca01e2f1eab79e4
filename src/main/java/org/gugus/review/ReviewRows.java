package org.gugus.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads rejected rows, flagged victims and corrections, per file or per office. */
@Component
class ReviewRows {

    static final int DEFAULT_LIMIT = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReviewRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Rejected rows of a file and/or an office; {@code status} OPEN, CORRECTED or null for all. */
    List<RejectedRow> rejected(Long fileId, String officeCode, String status, int limit) {
        StringBuilder sql = new StringBuilder("""
                select r.id, r.file_id, f.original_name, r.office_code, r.sheet, r.row_number, r.status,
                       r.original::text as original, r.findings::text as findings, r.created_at, r.corrected_by
                  from review.rejected_row r join ingest.received_file f on f.id = r.file_id
                 where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(sql, params, "r.file_id", "file", fileId);
        filter(sql, params, "r.office_code", "office", officeCode);
        filter(sql, params, "r.status", "status", status);
        sql.append(" order by r.file_id, r.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::rejectedRow).list();
    }

    Optional<RejectedRow> rejected(long id) {
        return jdbc.sql("""
                select r.id, r.file_id, f.original_name, r.office_code, r.sheet, r.row_number, r.status,
                       r.original::text as original, r.findings::text as findings, r.created_at, r.corrected_by
                  from review.rejected_row r join ingest.received_file f on f.id = r.file_id
                 where r.id = ?
                """).param(id).query(this::rejectedRow).optional()
                .map(row -> new RejectedRow(row.id(), row.fileId(), row.fileName(), row.officeCode(), row.sheet(),
                        row.rowNumber(), row.status(), row.original(), row.findings(), row.rejectedAt(),
                        row.correctedBy(), corrections("rejected_row_id", id)));
    }

    /** Victims with warnings whose flags came from a file, and/or of an office; optionally of one code. */
    List<FlaggedRow> flagged(Long fileId, String officeCode, String code, int limit) {
        StringBuilder sql = new StringBuilder("""
                select v.id, v.office_code, v.source_file_id, f.original_name, v.source_sheet, v.source_row,
                       c.case_number, v.victim_name, v.source_correction_id, v.original::text as original,
                       jsonb_agg(jsonb_build_object('code', fl.code, 'field', fl.field, 'column',
                                 coalesce(fl.column_header, fl.field), 'value', fl.value, 'message_id', fl.message_id,
                                 'message_en', fl.message_en) order by fl.code, fl.field)::text as flags
                  from warehouse.victim v
                  join warehouse.victim_flag fl on fl.victim_id = v.id
                  join warehouse.tppo_case c on c.id = v.case_id
                  join ingest.received_file f on f.id = v.source_file_id
                 where true""");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(sql, params, "fl.source_file_id", "file", fileId);
        filter(sql, params, "v.office_code", "office", officeCode);
        if (code != null) {
            sql.append(" and exists (select 1 from warehouse.victim_flag x where x.victim_id = v.id and x.code = :code)");
            params.put("code", code);
        }
        sql.append(" group by v.id, f.original_name, c.case_number")
                .append(" order by v.source_file_id, v.source_sheet, v.source_row, v.id limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::flaggedRow).list();
    }

    Optional<FlaggedRow> flagged(long victimId) {
        Optional<FlaggedRow> row = jdbc.sql("""
                select v.id, v.office_code, v.source_file_id, f.original_name, v.source_sheet, v.source_row,
                       c.case_number, v.victim_name, v.source_correction_id, v.original::text as original,
                       coalesce((select jsonb_agg(jsonb_build_object('code', fl.code, 'field', fl.field, 'column',
                                        coalesce(fl.column_header, fl.field), 'value', fl.value, 'message_id',
                                        fl.message_id, 'message_en', fl.message_en) order by fl.code, fl.field)
                                   from warehouse.victim_flag fl where fl.victim_id = v.id), '[]')::text as flags
                  from warehouse.victim v
                  join warehouse.tppo_case c on c.id = v.case_id
                  join ingest.received_file f on f.id = v.source_file_id
                 where v.id = ?
                """).param(victimId).query(this::flaggedRow).optional();
        return row.map(flagged -> new FlaggedRow(flagged.victimId(), flagged.officeCode(), flagged.fileId(),
                flagged.fileName(), flagged.sheet(), flagged.rowNumber(), flagged.caseNumber(), flagged.victimName(),
                flagged.sourceCorrectionId(), flagged.original(), flagged.flags(),
                corrections("flagged_victim_id", victimId)));
    }

    /** The normalised values of a victim record, by field name: the base of a correction when the row as written was not kept. */
    Map<String, String> caseRowValues(long victimId) {
        String caseRow = jdbc.sql("select case_row::text from warehouse.victim where id = ?").param(victimId)
                .query(String.class).single();
        Map<String, String> values = new LinkedHashMap<>();
        map(caseRow).forEach((field, value) -> {
            if (value instanceof List<?> list) {
                values.put(field, String.join(", ", list.stream().map(String::valueOf).toList()));
            } else {
                values.put(field, value == null ? "" : String.valueOf(value));
            }
        });
        return values;
    }

    Optional<Correction> correction(long id) {
        return jdbc.sql(CORRECTIONS + " where k.id = ?").param(id).query(this::correctionOf).optional();
    }

    private List<Correction> corrections(String column, long id) {
        return jdbc.sql(CORRECTIONS + " where k." + column + " = ? order by k.id").param(id).query(this::correctionOf)
                .list();
    }

    private static final String CORRECTIONS = """
            select k.id, k.rejected_row_id, k.flagged_victim_id, k.office_code, k.file_id, f.original_name, k.sheet,
                   k.row_number, k.submitted_by, k.note, k.submitted_at, k.row_values::text as row_values,
                   k.findings::text as findings, k.outcome, k.victim_id
              from review.correction k join ingest.received_file f on f.id = k.file_id""";

    private Correction correctionOf(ResultSet rs, int n) throws SQLException {
        String fileName = rs.getString("original_name");
        String sheet = rs.getString("sheet");
        int row = rs.getInt("row_number");
        return new Correction(rs.getLong("id"), nullableLong(rs, "rejected_row_id"), nullableLong(rs, "flagged_victim_id"),
                rs.getString("office_code"), rs.getLong("file_id"), sheet, row, rs.getString("submitted_by"),
                rs.getString("note"), rs.getObject("submitted_at", OffsetDateTime.class), texts(rs.getString("row_values")),
                rs.getString("outcome"), nullableLong(rs, "victim_id"),
                findings(rs.getString("findings"), fileName + " (koreksi / correction #" + rs.getLong("id") + ")", sheet,
                        row));
    }

    private RejectedRow rejectedRow(ResultSet rs, int n) throws SQLException {
        String fileName = rs.getString("original_name");
        String sheet = rs.getString("sheet");
        int row = rs.getInt("row_number");
        return new RejectedRow(rs.getLong("id"), rs.getLong("file_id"), fileName, rs.getString("office_code"), sheet, row,
                rs.getString("status"), texts(rs.getString("original")), findings(rs.getString("findings"), fileName,
                sheet, row), rs.getObject("created_at", OffsetDateTime.class), nullableLong(rs, "corrected_by"),
                List.of());
    }

    private FlaggedRow flaggedRow(ResultSet rs, int n) throws SQLException {
        String fileName = rs.getString("original_name");
        String sheet = rs.getString("source_sheet");
        int row = rs.getInt("source_row");
        Long correction = nullableLong(rs, "source_correction_id");
        String where = correction == null ? fileName : fileName + " (koreksi / correction #" + correction + ")";
        return new FlaggedRow(rs.getLong("id"), rs.getString("office_code"), rs.getLong("source_file_id"), fileName,
                sheet, row, rs.getString("case_number"), rs.getString("victim_name"), correction,
                rs.getString("original") == null ? Map.of() : texts(rs.getString("original")),
                findings(rs.getString("flags"), where, sheet, row), List.of());
    }

    private List<ReviewFinding> findings(String findingsJson, String fileName, String sheet, int row) {
        List<ReviewFinding> findings = new ArrayList<>();
        for (Object item : json.readValue(findingsJson, List.class)) {
            Map<?, ?> finding = (Map<?, ?>) item;
            findings.add(ReviewFinding.located(fileName, sheet, row, text(finding.get("code")), text(finding.get("field")),
                    text(finding.get("column")), text(finding.get("value")), text(finding.get("message_id")),
                    text(finding.get("message_en"))));
        }
        return findings;
    }

    private Map<String, String> texts(String object) {
        Map<String, String> texts = new LinkedHashMap<>();
        map(object).forEach((key, value) -> texts.put(key, value == null ? "" : String.valueOf(value)));
        return texts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String object) {
        return json.readValue(object, LinkedHashMap.class);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void filter(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
