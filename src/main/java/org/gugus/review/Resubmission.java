package org.gugus.review;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.intake.corrections.CorrectedRow;
import org.gugus.intake.corrections.CorrectionOutcome;
import org.gugus.intake.corrections.RowCorrections;
import org.gugus.system.Messages;
import org.gugus.warehouse.FlaggedVictims;
import org.gugus.warehouse.RejectedRecord;
import org.gugus.warehouse.RejectedRows;
import org.gugus.warehouse.RowSource;
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
public class Resubmission {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowCorrections corrections;
    private final RejectedRows rejectedRows;
    private final FlaggedVictims flaggedVictims;
    private final ReceivedFiles files;
    private final ReviewRows rows;
    private final Audit audit;

    Resubmission(JdbcClient jdbc, JsonMapper json, RowCorrections corrections, RejectedRows rejectedRows,
            FlaggedVictims flaggedVictims, ReceivedFiles files, ReviewRows rows, Audit audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.corrections = corrections;
        this.rejectedRows = rejectedRows;
        this.flaggedVictims = flaggedVictims;
        this.files = files;
        this.rows = rows;
    }

    @Transactional
    public Correction correctRejected(long rejectedRowId, CorrectionRequest request) {
        requireSubmitter(request);
        RejectedRecord rejected = rejectedRows.lockForCorrection(rejectedRowId)
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.rejected", rejectedRowId).both()));
        RowSource source = new RowSource(rejected.fileId(), rejected.officeCode(), rejected.sheet(), rejected.rowNumber(),
                rejected.original());
        Map<String, String> values = corrections.merge(source.values(), request.values());
        long correctionId = record(rejectedRowId, null, source, values, request);
        CorrectionOutcome outcome = corrections.publish(corrected(correctionId, source, values, null));
        finish(correctionId, outcome);
        audit.change("CORRECTION", "rejected_row " + rejectedRowId + " correction " + correctionId,
                List.of(rejectedRowId));
        if (!outcome.rejected()) {
            rejectedRows.markCorrected(rejectedRowId, correctionId,
                    outcome.outcome() != CorrectionOutcome.Outcome.UNCHANGED);
        }
        return rows.correction(correctionId).orElseThrow();
    }

    @Transactional
    public Correction correctFlagged(long victimId, CorrectionRequest request) {
        requireSubmitter(request);
        RowSource source = flaggedVictims.lockForCorrection(victimId)
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.victim", victimId).both()));
        Map<String, String> values = corrections.merge(source.values(), request.values());
        long correctionId = record(null, victimId, source, values, request);
        CorrectionOutcome outcome = corrections.publish(corrected(correctionId, source, values, victimId));
        finish(correctionId, outcome);
        audit.change("CORRECTION", "victim " + victimId + " correction " + correctionId, List.of(victimId));
        return rows.correction(correctionId).orElseThrow();
    }

    private CorrectedRow corrected(long correctionId, RowSource source, Map<String, String> values, Long victimId) {
        return new CorrectedRow(correctionId, source.fileId(), source.officeCode(), source.sheet(), source.rowNumber(),
                files.receivedOn(source.fileId()), values, victimId);
    }

    private long record(Long rejectedRowId, Long victimId, RowSource source, Map<String, String> values,
            CorrectionRequest request) {
        return jdbc.sql("""
                insert into review.correction (rejected_row_id, flagged_victim_id, office_code, file_id, sheet, row_number,
                                               submitted_by, note, row_values, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING')
                returning id
                """).params(rejectedRowId, victimId, source.officeCode(), source.fileId(), source.sheet(),
                source.rowNumber(), request.submittedBy().strip(), request.note(), json.writeValueAsString(values))
                .query(Long.class).single();
    }

    private void finish(long correctionId, CorrectionOutcome outcome) {
        jdbc.sql("update review.correction set outcome = ?, findings = ?::jsonb, victim_id = ? where id = ?")
                .params(String.valueOf(outcome.outcome()), outcome.findingsJson(), outcome.victimId(), correctionId)
                .update();
    }

    private static void requireSubmitter(CorrectionRequest request) {
        if (request.submittedBy() == null || request.submittedBy().isBlank()) {
            throw new IllegalArgumentException(Messages.get("review.submitter.missing").both());
        }
    }
}
