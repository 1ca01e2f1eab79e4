package org.gugus.intake.job;

import org.gugus.access.PseudonymKey;
import org.gugus.intake.IntakeTemplate;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.warehouse.KnownRows;
import org.gugus.warehouse.StagedRow;
import org.gugus.workbook.CellValue;
import org.gugus.intake.validate.CaseRow;
import org.gugus.intake.validate.Finding;
import org.gugus.intake.validate.ValidatedRow;
import org.gugus.intake.validate.VictimIdentity;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges one data row: validates it against the template's rules and prepares it for staging,
 * with the row's identity (office, case number, victim) and a hash of its normalised content so a
 * re-delivered identical row is recognised as unchanged. Identities are kept as keyed pseudonyms
 * ({@link IdentityKeys}): the staging and warehouse keys carry no name or NIK, in clear or guessable.
 */
public class RowJudge implements ItemProcessor<DataRow, StagedRow> {

    /** Buffers kept per judge thread: three small documents per row, and a shared pool's queue costs more than them. */
    private static final JsonMapper JSON = JsonMapper.builder(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
    /** Judges run on several threads; a digest is not thread-safe, and costly to look up per row. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final long fileId;
    private final String officeCode;
    private final LocalDate receivedOn;
    private final IntakeTemplate template;
    private final PseudonymKey key;
    private final KnownRows known;
    private final byte[] fingerprint;

    public RowJudge(long fileId, String officeCode, LocalDate receivedOn, IntakeTemplate template, PseudonymKey key) {
        this(fileId, officeCode, receivedOn, template, key, KnownRows.NONE);
    }

    /** @param known the office's rows judged before without findings: a row repeating one is not judged again */
    public RowJudge(long fileId, String officeCode, LocalDate receivedOn, IntakeTemplate template, PseudonymKey key,
            KnownRows known) {
        this.fileId = fileId;
        this.officeCode = officeCode;
        this.receivedOn = receivedOn;
        this.template = template;
        this.key = key;
        this.known = known;
        this.fingerprint = template.fingerprint();
    }

    @Override
    public StagedRow process(DataRow item) {
        byte[] rowHash = rowHash(item.row());
        OptionalLong repeated = known.victim(rowHash);
        if (repeated.isPresent()) {
            return StagedRow.repeating(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), rowHash,
                    repeated.getAsLong());
        }
        return judge(item, rowHash);
    }

    /** Judges the row in full, whatever was delivered before. */
    public StagedRow judge(DataRow item) {
        return judge(item, rowHash(item.row()));
    }

    private StagedRow judge(DataRow item, byte[] rowHash) {
        ValidatedRow judged = template.validate(item.row(), receivedOn);
        String original = json(generator -> original(generator, item.row().original()));
        String findings = json(generator -> findings(generator, judged.findings()));
        if (judged.rejected()) {
            return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), true, null, null,
                    null, null, original, findings);
        }
        CaseRow row = judged.caseRow();
        String caseRow = json(generator -> values(generator, row));
        IdentityKeys keys = IdentityKeys.of(officeCode, VictimIdentity.of(row), key);
        return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), false,
                keys.identityKey(), keys.personKey(), sha256(caseRow), caseRow, original, findings, rowHash, null);
    }

    /**
     * The hash of everything a judgement reads: the template and reference edition in force, and
     * each field's cell (kind, text, number, date) and column header. Equal hashes, equal judgements
     * (but for a date after the day received, which {@link KnownRows} rules out by the day).
     */
    byte[] rowHash(MappedRow row) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(fingerprint);
        StringBuilder cells = new StringBuilder(256);
        for (Field field : Field.values()) {
            CellValue cell = row.values().get(field);
            cells.append(field.ordinal()).append('\u0001');
            if (cell != null) {
                cells.append(cell.kind()).append('\u0001').append(cell.text()).append('\u0001').append(cell.number())
                        .append('\u0001').append(cell.dateTime()).append('\u0001').append(cell.charactersRemoved());
            }
            cells.append('\u0001').append(row.headers() == null ? null : row.headers().get(field)).append('\u0002');
        }
        return digest.digest(cells.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The normalised row under the template's field names, in a fixed order (its hash must be
     * stable), written as it is generated: every row passes here, and a map per row costs more.
     */
    static void values(JsonGenerator json, CaseRow row) {
        json.writeStartObject();
        text(json, "case_number", VictimIdentity.caseNumber(row.caseNumber()));
        text(json, "report_date", text(row.reportDate()));
        text(json, "incident_date", text(row.incidentDate()));
        text(json, "victim_name", row.victimName());
        text(json, "nik", row.nik());
        text(json, "sex", row.sex());
        text(json, "birth_place", row.birthPlace());
        text(json, "birth_date", text(row.birthDate()));
        json.writeName("age");
        if (row.age() == null) {
            json.writeNull();
        } else {
            json.writeNumber(row.age().intValue());
        }
        text(json, "origin_regency", row.originRegency());
        text(json, "origin_regency_code", row.originRegencyCode());
        text(json, "origin_district", row.originDistrict());
        text(json, "origin_district_code", row.originDistrictCode());
        text(json, "origin_village", row.originVillage());
        text(json, "origin_village_code", row.originVillageCode());
        text(json, "address", row.address());
        text(json, "citizenship", row.citizenship());
        text(json, "citizenship_country", row.citizenshipCountry());
        text(json, "education", row.education());
        codes(json, "exploitation", row.exploitation());
        codes(json, "recruitment", row.recruitment());
        text(json, "destination_country", row.destinationCountry());
        text(json, "destination_area", row.destinationArea());
        text(json, "case_stage", row.caseStage());
        codes(json, "services", row.services());
        text(json, "notes", row.notes());
        json.writeEndObject();
    }

    /** The row's cells under their headers as written. */
    private static void original(JsonGenerator json, Map<String, String> original) {
        json.writeStartObject();
        original.forEach((header, value) -> text(json, header, value));
        json.writeEndObject();
    }

    private static void findings(JsonGenerator json, List<Finding> findings) {
        json.writeStartArray();
        for (Finding finding : findings) {
            json.writeStartObject();
            text(json, "code", finding.code().name());
            text(json, "field", finding.field().key());
            text(json, "column", finding.column());
            text(json, "value", finding.value());
            text(json, "message_id", finding.messageId());
            text(json, "message_en", finding.messageEn());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void text(JsonGenerator json, String name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    /** A code list, each code once, sorted. */
    private static void codes(JsonGenerator json, String name, List<String> codes) {
        json.writeName(name);
        json.writeStartArray();
        for (String code : codes.stream().distinct().sorted().toList()) {
            json.writeString(code);
        }
        json.writeEndArray();
    }

    private static String json(Consumer<JsonGenerator> content) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            content.accept(generator);
        }
        return text.toString();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String sha256(String text) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
