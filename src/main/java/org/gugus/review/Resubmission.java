package org.gugus.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.intake.corrections.CorrectedRow;
import org.gugus.intake.corrections.CorrectionOutcome;
import org.gugus.intake.corrections.RowCorrections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a corrected row back: records the submission, has it judged and published by
 * {@link RowCorrections} in the same transaction, and records what became of it. A rejected row
 * whose correction passes is marked CORRECTED (pointing to the correction); a correction that still
 * has errors is kept as REJECTED and the row stays OPEN. Nothing earlier is overwritten.
 */
@Service
class Resubmission {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowCorrections corrections;
    private final ReviewRows rows;
    private final String timeZone;
    private final Audit audit;

    Resubmission(JdbcClient jdbc, JsonMapper json, RowCorrections corrections, ReviewRows rows,
            @Value("${gugus.time-zone:Asia/Makassar}") String timeZone, Audit audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.corrections = corrections;
        this.rows = rows;
        this.timeZone = timeZone;
    }

    @Transactional
    public Correction correctRejected(long rejectedRowId, CorrectionRequest request) {
        requireSubmitter(request);
        Map<String, Object> rejected = jdbc.sql("""
                select file_id, office_code, sheet, row_number, original::text as original
                  from review.rejected_row where id = ? for update
                """).param(rejectedRowId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> notFound("Baris ditolak / rejected row", rejectedRowId));
        long fileId = ((Number) rejected.get("file_id")).longValue();
        Map<String, String> values = corrections.merge(texts((String) rejected.get("original")), request.values());
        long correctionId = record(rejectedRowId, null, rejected, fileId, values, request);
        CorrectionOutcome outcome = corrections.publish(new CorrectedRow(correctionId, fileId,
                (String) rejected.get("office_code"), (String) rejected.get("sheet"),
                ((Number) rejected.get("row_number")).intValue(), receivedOn(fileId), values, null));
        finish(correctionId, outcome);
        audit.change("CORRECTION", "rejected_row " + rejectedRowId + " correction " + correctionId,
                List.of(rejectedRowId));
        if (!outcome.rejected()) {
            jdbc.sql("update review.rejected_row set status = 'CORRECTED', corrected_by = ? where id = ?")
                    .params(correctionId, rejectedRowId).update();
        }
        return rows.correction(correctionId).orElseThrow();
    }

    @Transactional
    public Correction correctFlagged(long victimId, CorrectionRequest request) {
        requireSubmitter(request);
        Map<String, Object> victim = jdbc.sql("""
                select source_file_id as file_id, office_code, source_sheet as sheet, source_row as row_number,
                       original::text as original
                  from warehouse.victim where id = ? for update
                """).param(victimId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> notFound("Korban / victim", victimId));
        long fileId = ((Number) victim.get("file_id")).longValue();
        Map<String, String> base = victim.get("original") == null ? rows.caseRowValues(victimId)
                : texts((String) victim.get("original"));
        Map<String, String> values = corrections.merge(base, request.values());
        long correctionId = record(null, victimId, victim, fileId, values, request);
        CorrectionOutcome outcome = corrections.publish(new CorrectedRow(correctionId, fileId,
                (String) victim.get("office_code"), (String) victim.get("sheet"),
                ((Number) victim.get("row_number")).intValue(), receivedOn(fileId), values, victimId));
        finish(correctionId, outcome);
        audit.change("CORRECTION", "victim " + victimId + " correction " + correctionId, List.of(victimId));
        return rows.correction(correctionId).orElseThrow();
    }

    private long record(Long rejectedRowId, Long victimId, Map<String, Object> row, long fileId,
            Map<String, String> values, CorrectionRequest request) {
        return jdbc.sql("""
                insert into review.correction (rejected_row_id, flagged_victim_id, office_code, file_id, sheet, row_number,
                                               submitted_by, note, row_values, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING')
                returning id
                """).params(rejectedRowId, victimId, row.get("office_code"), fileId, row.get("sheet"),
                row.get("row_number"), request.submittedBy().strip(), request.note(), json.writeValueAsString(values))
                .query(Long.class).single();
    }

    private void finish(long correctionId, CorrectionOutcome outcome) {
        jdbc.sql("update review.correction set outcome = ?, findings = ?::jsonb, victim_id = ? where id = ?")
                .params(outcome.outcome(), outcome.findingsJson(), outcome.victimId(), correctionId).update();
    }

    private LocalDate receivedOn(long fileId) {
        return jdbc.sql("select (received_at at time zone ?)::date from ingest.received_file where id = ?")
                .params(timeZone, fileId).query(LocalDate.class).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> texts(String object) {
        Map<String, Object> map = json.readValue(object, LinkedHashMap.class);
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, value) -> texts.put(key, value == null ? "" : String.valueOf(value)));
        return texts;
    }

    private static void requireSubmitter(CorrectionRequest request) {
        if (request.submittedBy() == null || request.submittedBy().isBlank()) {
            throw new IllegalArgumentException("Sebutkan siapa yang mengirim koreksi (submitted_by / --by). / "
                    + "Say who sends the correction (submitted_by / --by).");
        }
    }

    private static NoSuchElementException notFound(String what, long id) {
        return new NoSuchElementException(what + " #" + id + " tidak ada / does not exist");
    }
}
