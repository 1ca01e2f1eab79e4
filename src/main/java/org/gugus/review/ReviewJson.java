package org.gugus.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of review items, shared by the REST API and {@code --json} on the command line: snake_case, stable order. */
final class ReviewJson {

    private ReviewJson() {
    }

    static Map<String, Object> of(RejectedRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id());
        json.put("file_id", row.fileId());
        json.put("file", row.fileName());
        json.put("regency", row.officeCode());
        json.put("sheet", row.sheet());
        json.put("row", row.rowNumber());
        json.put("status", row.status());
        json.put("rejected_at", row.rejectedAt() == null ? null : row.rejectedAt().toString());
        json.put("corrected_by", row.correctedBy());
        json.put("findings", row.findings().stream().map(ReviewJson::of).toList());
        json.put("original", row.original());
        json.put("corrections", row.corrections().stream().map(ReviewJson::of).toList());
        return json;
    }

    static Map<String, Object> of(FlaggedRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("victim_id", row.victimId());
        json.put("regency", row.officeCode());
        json.put("file_id", row.fileId());
        json.put("file", row.fileName());
        json.put("sheet", row.sheet());
        json.put("row", row.rowNumber());
        json.put("source_correction_id", row.sourceCorrectionId());
        json.put("case_number", row.caseNumber());
        json.put("victim_name", row.victimName());
        json.put("flags", row.flags().stream().map(ReviewJson::of).toList());
        json.put("original", row.original());
        json.put("corrections", row.corrections().stream().map(ReviewJson::of).toList());
        return json;
    }

    static Map<String, Object> of(Correction correction) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", correction.id());
        json.put("rejected_row_id", correction.rejectedRowId());
        json.put("flagged_victim_id", correction.flaggedVictimId());
        json.put("regency", correction.officeCode());
        json.put("file_id", correction.fileId());
        json.put("sheet", correction.sheet());
        json.put("row", correction.rowNumber());
        json.put("submitted_by", correction.submittedBy());
        json.put("note", correction.note());
        json.put("submitted_at", correction.submittedAt() == null ? null : correction.submittedAt().toString());
        json.put("outcome", correction.outcome());
        json.put("victim_id", correction.victimId());
        json.put("findings", correction.findings().stream().map(ReviewJson::of).toList());
        json.put("values", correction.values());
        return json;
    }

    static Map<String, Object> of(ReviewFinding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", finding.code());
        json.put("field", finding.field());
        json.put("column", finding.column());
        json.put("value", finding.value());
        json.put("message_id", finding.messageId());
        json.put("message_en", finding.messageEn());
        return json;
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", code);
        json.put("message", message);
        return json;
    }

    static Map<String, Object> list(String key, List<Map<String, Object>> items) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", items.size());
        json.put(key, items);
        return json;
    }
}
