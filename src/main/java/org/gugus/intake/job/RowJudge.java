package org.gugus.intake.job;

import org.gugus.access.PseudonymKey;
import org.gugus.intake.IntakeTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.warehouse.StagedRow;
import org.gugus.intake.validate.CaseRow;
import org.gugus.intake.validate.Finding;
import org.gugus.intake.validate.ValidatedRow;
import org.gugus.intake.validate.VictimIdentity;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges one data row: validates it against the template's rules and prepares it for staging,
 * with the row's identity (office, case number, victim) and a hash of its normalised content so a
 * re-delivered identical row is recognised as unchanged. Identities are kept as keyed pseudonyms
 * ({@link IdentityKeys}): the staging and warehouse keys carry no name or NIK, in clear or guessable.
 */
public class RowJudge implements ItemProcessor<DataRow, StagedRow> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long fileId;
    private final String officeCode;
    private final LocalDate receivedOn;
    private final IntakeTemplate template;
    private final PseudonymKey key;

    public RowJudge(long fileId, String officeCode, LocalDate receivedOn, IntakeTemplate template, PseudonymKey key) {
        this.fileId = fileId;
        this.officeCode = officeCode;
        this.receivedOn = receivedOn;
        this.template = template;
        this.key = key;
    }

    @Override
    public StagedRow process(DataRow item) {
        ValidatedRow judged = template.validate(item.row(), receivedOn);
        String original = JSON.writeValueAsString(item.row().original());
        String findings = JSON.writeValueAsString(judged.findings().stream().map(RowJudge::finding).toList());
        if (judged.rejected()) {
            return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), true, null, null,
                    null, null, original, findings);
        }
        CaseRow row = judged.caseRow();
        String caseRow = JSON.writeValueAsString(values(row));
        IdentityKeys keys = IdentityKeys.of(officeCode, VictimIdentity.of(row), key);
        return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), false,
                keys.identityKey(), keys.personKey(), sha256(caseRow), caseRow, original, findings);
    }

    /** The normalised row under the template's field names, in a fixed order (its hash must be stable). */
    static Map<String, Object> values(CaseRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("case_number", VictimIdentity.caseNumber(row.caseNumber()));
        values.put("report_date", text(row.reportDate()));
        values.put("incident_date", text(row.incidentDate()));
        values.put("victim_name", row.victimName());
        values.put("nik", row.nik());
        values.put("sex", row.sex());
        values.put("birth_place", row.birthPlace());
        values.put("birth_date", text(row.birthDate()));
        values.put("age", row.age());
        values.put("origin_regency", row.originRegency());
        values.put("origin_regency_code", row.originRegencyCode());
        values.put("origin_district", row.originDistrict());
        values.put("origin_district_code", row.originDistrictCode());
        values.put("origin_village", row.originVillage());
        values.put("origin_village_code", row.originVillageCode());
        values.put("address", row.address());
        values.put("citizenship", row.citizenship());
        values.put("citizenship_country", row.citizenshipCountry());
        values.put("education", row.education());
        values.put("exploitation", sorted(row.exploitation()));
        values.put("recruitment", sorted(row.recruitment()));
        values.put("destination_country", row.destinationCountry());
        values.put("destination_area", row.destinationArea());
        values.put("case_stage", row.caseStage());
        values.put("services", sorted(row.services()));
        values.put("notes", row.notes());
        return values;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", finding.code().name());
        values.put("field", finding.field().key());
        values.put("column", finding.column());
        values.put("value", finding.value());
        values.put("message_id", finding.messageId());
        values.put("message_en", finding.messageEn());
        return values;
    }

    private static List<String> sorted(List<String> codes) {
        return codes.stream().distinct().sorted().toList();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
