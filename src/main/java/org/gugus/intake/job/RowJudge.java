package org.gugus.intake.job;

import org.gugus.access.PseudonymKey;
import org.gugus.intake.IntakeTemplate;

import java.io.Writer;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.OriginalCells;
import org.gugus.warehouse.KnownRows;
import org.gugus.warehouse.OriginalRow;
import org.gugus.warehouse.StagedCase;
import org.gugus.warehouse.StagedRow;
import org.gugus.intake.validate.CaseRow;
import org.gugus.intake.validate.Finding;
import org.gugus.intake.validate.ValidatedRow;
import org.gugus.intake.validate.VictimIdentity;
import org.gugus.system.Sha256;
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

    /** Buffers kept per judge thread for a row's findings, and a shared pool's queue costs more than them. */
    private static final JsonMapper JSON = JsonMapper.builder(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
    private static final ThreadLocal<JsonText> JSON_TEXT = ThreadLocal.withInitial(JsonText::new);
    /** The row as written of the last row a judge thread judged: the next row of its sheet shares its headers. */
    private static final ThreadLocal<OriginalRow> LAST_ORIGINAL = new ThreadLocal<>();
    private static final ThreadLocal<RowHashInput> ROW_HASH_INPUT = ThreadLocal.withInitial(RowHashInput::new);
    private static final ThreadLocal<CaseRowText> CASE_ROW_TEXT = ThreadLocal.withInitial(CaseRowText::new);
    private static final Field[] FIELDS = Field.values();

    private final long fileId;
    private final String officeCode;
    private final LocalDate receivedOn;
    private final IntakeTemplate template;
    private final PseudonymKey key;
    private final KnownRowsLoad known;
    private final byte[] fingerprint;
    private volatile SheetDigest lastSheet;
    private final LongAdder repeating = new LongAdder();
    private final LongAdder judgingCpuNanos = new LongAdder();

    /** @param contentHash the function the office's records' content hashes were made by ({@link ContentHashFunction#ofOffice}) */
    public RowJudge(long fileId, String officeCode, LocalDate receivedOn, IntakeTemplate template, PseudonymKey key,
            ContentHashFunction contentHash) {
        this(fileId, officeCode, receivedOn, template, key, KnownRowsLoad.of(KnownRows.NONE, contentHash));
    }

    /**
     * @param known the office's rows judged before without findings and its content hash function, being read: the
     *              first row waits for the rows, the first row judged in full for the function
     */
    RowJudge(long fileId, String officeCode, LocalDate receivedOn, IntakeTemplate template, PseudonymKey key,
            KnownRowsLoad known) {
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
        OptionalLong repeated = known.get().victim(rowHash);
        if (repeated.isPresent()) {
            repeating.increment();
            return StagedRow.repeating(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), rowHash,
                    repeated.getAsLong());
        }
        return judge(item, rowHash);
    }

    /** How many rows this judge staged thin, as repeating a record's row. */
    long repeating() {
        return repeating.sum();
    }

    /** Adds CPU time a judge thread spent on this judge's rows. */
    void judgedFor(long cpuNanos) {
        judgingCpuNanos.add(cpuNanos);
    }

    /** CPU time the judge threads spent on this judge's rows, all threads together. */
    long judgingCpuNanos() {
        return judgingCpuNanos.sum();
    }

    long fileId() {
        return fileId;
    }

    /** The office's row hashes this judge looks rows up in, being read or read. */
    KnownRowsLoad known() {
        return known;
    }

    /** Judges the row in full, whatever was delivered before. */
    public StagedRow judge(DataRow item) {
        return judge(item, rowHash(item.row()));
    }

    private StagedRow judge(DataRow item, byte[] rowHash) {
        ValidatedRow judged = template.validate(item.row(), receivedOn);
        OriginalRow original = original(item.row().original());
        String findings = judged.findings().isEmpty() ? StagedRow.NO_FINDINGS
                : json(generator -> findings(generator, judged.findings()));
        if (judged.rejected()) {
            return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), true, null, null,
                    null, null, original, findings);
        }
        CaseRow row = judged.caseRow();
        StagedCase values = staged(row);
        String contentHash = CASE_ROW_TEXT.get().contentHash(values, known.contentHash());
        IdentityKeys keys = IdentityKeys.of(officeCode, VictimIdentity.of(row), key);
        return new StagedRow(fileId, item.ordinal(), item.row().sheet(), item.row().rowNumber(), false,
                keys.identityKey(), keys.personKey(), contentHash, values, original, findings, rowHash, null);
    }

    /** The row's cells under the headers of the row this judge saw before, when they are the same (a sheet's are). */
    private OriginalRow original(Map<String, String> cells) {
        OriginalRow last = LAST_ORIGINAL.get();
        OriginalRow original = sheetRow(cells, last);
        if (original == null) {
            original = OriginalRow.of(cells, last);
        }
        if (original.headers() != (last == null ? null : last.headers())) {
            LAST_ORIGINAL.set(original);
        }
        return original;
    }

    /**
     * A sheet's row whose columns without a header are blank, as a rule: its values under the sheet's keys, without
     * the map of them (6 % of a judge's CPU at a million rows, issue 13); null for another row.
     */
    private static OriginalRow sheetRow(Map<String, String> cells, OriginalRow last) {
        if (!(cells instanceof OriginalCells sheetCells)) {
            return null;
        }
        String[] values = sheetCells.sheetValues();
        return values == null ? null : OriginalRow.of(sheetCells.sheetKeys(), values, last);
    }

    /** The normalised row as staged: the values its JSON (and so its content hash) is written from. */
    static StagedCase staged(CaseRow row) {
        return new StagedCase(VictimIdentity.caseNumber(row.caseNumber()), text(row.reportDate()),
                text(row.incidentDate()), row.victimName(), row.nik(), row.sex(), row.birthPlace(),
                text(row.birthDate()), row.age() == null ? null : row.age().intValue(), row.originRegency(),
                row.originRegencyCode(), row.originDistrict(), row.originDistrictCode(), row.originVillage(),
                row.originVillageCode(), row.address(), row.citizenship(), row.citizenshipCountry(), row.education(),
                codes(row.exploitation()), codes(row.recruitment()), row.destinationCountry(), row.destinationArea(),
                row.caseStage(), codes(row.services()), row.notes());
    }

    /** A code list, each code once, sorted (without a stream: three lists a row, most of one code or none). */
    private static List<String> codes(List<String> codes) {
        int size = codes.size();
        if (size == 0) {
            return List.of();
        }
        if (size == 1) {
            return List.of(codes.get(0));
        }
        String[] sorted = codes.toArray(new String[size]);
        Arrays.sort(sorted);
        int kept = 1;
        for (int i = 1; i < size; i++) {
            if (!sorted[i].equals(sorted[kept - 1])) {
                sorted[kept++] = sorted[i];
            }
        }
        return List.of(kept == size ? sorted : Arrays.copyOf(sorted, kept));
    }

    /**
     * The hash of everything a judgement reads: the template and reference edition in force, each
     * field's column header and each field's cell (kind, text, number, date, characters removed).
     * Equal hashes, equal judgements (but for a date after the day received, which {@link KnownRows}
     * rules out by the day). The cells are hashed in a compact encoding ({@link RowHashInput}) after
     * the sheet's digest of the fingerprint and the headers, made once per sheet; every row is hashed,
     * so the hash itself is a fast one (MurmurHash3, see {@link RowHashInput}).
     */
    byte[] rowHash(MappedRow row) {
        RowHashInput input = ROW_HASH_INPUT.get().clear().sheet(sheetDigest(row.headers()).digest());
        for (Field field : FIELDS) {
            input.cell(row.values().get(field));
        }
        return input.hash();
    }

    /** The digest of a sheet's headers, made again only when a row brings other headers than the row before. */
    private SheetDigest sheetDigest(Map<Field, String> headers) {
        SheetDigest last = lastSheet;
        if (last == null || last.headers() != headers) {
            MessageDigest digest = Sha256.fresh();
            digest.update(fingerprint);
            digest.update(RowHashInput.headersDigest(headers));
            last = new SheetDigest(headers, digest.digest());
            lastSheet = last;
        }
        return last;
    }

    /**
     * A sheet's headers and the SHA-256 of the template's fingerprint and their digest, which begins
     * every row hash of the sheet. Written by several judge threads (a race only makes the same
     * digest twice), only ever read.
     */
    private record SheetDigest(Map<Field, String> headers, byte[] digest) {
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

    private static String json(Consumer<JsonGenerator> content) {
        JsonText text = JSON_TEXT.get().cleared();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            content.accept(generator);
        }
        return text.take();
    }

    /**
     * A document's text as the generator writes it, without {@link java.io.StringWriter}'s lock on
     * every write (one thread writes it); one per judge thread.
     */
    private static final class JsonText extends Writer {

        private final StringBuilder text = new StringBuilder(1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String chars, int offset, int length) {
            text.append(chars, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        /** Emptied first, as a document that failed half-way may have left text behind. */
        JsonText cleared() {
            text.setLength(0);
            return this;
        }

        String take() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
