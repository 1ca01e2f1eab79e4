package org.gugus.intake.validate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gugus.intake.mapping.DateReading;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.Spaces;
import org.gugus.intake.mapping.Template;
import org.gugus.intake.mapping.Vocabulary;
import org.gugus.workbook.CellValue;
import org.gugus.reference.RegencyMatch;
import org.gugus.reference.Region;
import org.gugus.reference.Regions;
import org.gugus.system.Message;

/**
 * A row being validated, with the template and the day its file was received: what rules read
 * from it (each value read by the same means in every rule) and how they word a finding.
 */
public final class RowUnderCheck {

    /** Coded fields holding one value; the other coded fields hold lists. */
    public static final Set<Field> SINGLE_CODE_FIELDS = EnumSet.of(Field.SEX, Field.CASE_STAGE);
    public static final List<Field> DATE_FIELDS = List.of(Field.REPORT_DATE, Field.INCIDENT_DATE, Field.BIRTH_DATE);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int SHOWN_LENGTH = 80;

    private final MappedRow row;
    private final LocalDate receivedOn;
    private final Template template;
    private final Regions regions;
    private RegencyMatch originRegency;
    // Readings asked for by several rules, made once per row: a date cell alone is read by five. Kept in
    // arrays by the field's ordinal: an enum map's look-ups and a capturing lambda per question cost the
    // judges more, on the quick compiler a command runs on, than the readings they saved (issue 13).
    private static final int FIELDS = Field.values().length;
    private static final byte UNREAD = 0;
    private static final byte BLANK = 1;
    private static final byte FILLED = 2;
    private final byte[] blanks = new byte[FIELDS];
    private final DateReading[] dates = new DateReading[FIELDS];
    private final Vocabulary.CodeList[] codeLists = new Vocabulary.CodeList[FIELDS];
    private final Optional<String>[] codes = newCodes();
    private NikReading nik;
    private AgeReading age;
    private CitizenshipReading citizenship;
    /** Read once per row, as the unknown-code rule and the case row ask. */
    private Optional<String> destinationCountry;

    RowUnderCheck(MappedRow row, LocalDate receivedOn, Template template, Regions regions) {
        this.row = row;
        this.receivedOn = receivedOn;
        this.template = template;
        this.regions = regions;
    }

    public MappedRow row() {
        return row;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public Template template() {
        return template;
    }

    public Regions regions() {
        return regions;
    }

    public CellValue cell(Field field) {
        CellValue cell = row.values() == null ? null : row.value(field);
        return cell == null ? CellValue.BLANK : cell;
    }

    /** The value as written in the file. */
    public String written(Field field) {
        return cell(field).text();
    }

    /** The column header as written in the file. */
    public String header(Field field) {
        String header = row.headers() == null ? null : row.header(field);
        return header == null ? field.key() : header;
    }

    /** Whether the sheet has a column for the field. */
    public boolean hasColumn(Field field) {
        return row.headers() != null && row.headers().containsKey(field);
    }

    public boolean isBlank(Field field) {
        byte blank = blanks[field.ordinal()];
        if (blank == UNREAD) {
            blank = template.isBlank(cell(field)) ? BLANK : FILLED;
            blanks[field.ordinal()] = blank;
        }
        return blank == BLANK;
    }

    /** The value with surrounding and repeated spaces removed; empty when blank. */
    public Optional<String> text(Field field) {
        return isBlank(field) ? Optional.empty() : Optional.of(collapsed(written(field)));
    }

    public DateReading date(Field field) {
        DateReading date = dates[field.ordinal()];
        if (date == null) {
            date = template.dates().read(cell(field));
            dates[field.ordinal()] = date;
        }
        return date;
    }

    public Optional<LocalDate> validDate(Field field) {
        return date(field) instanceof DateReading.Valid valid ? Optional.of(valid.date()) : Optional.empty();
    }

    public NikReading nik() {
        if (nik == null) {
            nik = NikReading.read(cell(Field.NIK), template);
        }
        return nik;
    }

    /** The NIK when it has 16 digits and a possible date part. */
    public Optional<Nik> validNik() {
        return nik() instanceof NikReading.Valid valid && valid.nik().hasPossibleDate() ? Optional.of(valid.nik())
                : Optional.empty();
    }

    public AgeReading age() {
        if (age == null) {
            age = AgeReading.read(cell(Field.AGE), template);
        }
        return age;
    }

    /** The code of a single-value coded field (sex, case_stage), when blank or unknown empty. */
    public Optional<String> code(Field field) {
        Optional<String> code = codes[field.ordinal()];
        if (code == null) {
            code = isBlank(field) ? Optional.empty()
                    : template.vocabulary(field).match(written(field)).map(Vocabulary.Term::code);
            codes[field.ordinal()] = code;
        }
        return code;
    }

    /** The codes of a multi-value coded field (exploitation, recruitment, services); read once per row, as two rules ask. */
    public Vocabulary.CodeList codes(Field field) {
        Vocabulary.CodeList codes = codeLists[field.ordinal()];
        if (codes == null) {
            codes = isBlank(field) ? new Vocabulary.CodeList(List.of(), List.of())
                    : template.vocabulary(field).matchList(written(field), template.separators());
            codeLists[field.ordinal()] = codes;
        }
        return codes;
    }

    /** The destination country's ISO code; empty when blank or unknown. */
    public Optional<String> destinationCountry() {
        if (destinationCountry == null) {
            destinationCountry = isBlank(Field.DESTINATION_COUNTRY) ? Optional.empty()
                    : template.countries().code(written(Field.DESTINATION_COUNTRY));
        }
        return destinationCountry;
    }

    /** What origin_regency resolves to; read once per row, as three rules ask. */
    public RegencyMatch originRegency() {
        if (originRegency == null) {
            originRegency = isBlank(Field.ORIGIN_REGENCY) ? new RegencyMatch.NotFound(null, null, null)
                    : regions.regency(collapsed(written(Field.ORIGIN_REGENCY)));
        }
        return originRegency;
    }

    /** The origin regency/city when it resolves to exactly one. */
    public Optional<Region> resolvedRegency() {
        return originRegency() instanceof RegencyMatch.Found found ? Optional.of(found.regency()) : Optional.empty();
    }

    /** The origin district, found under the resolved regency. */
    public Optional<Region> originDistrict() {
        return isBlank(Field.ORIGIN_DISTRICT) ? Optional.empty()
                : resolvedRegency().flatMap(regency -> regions.district(regency, written(Field.ORIGIN_DISTRICT)));
    }

    /** The origin village, found under the origin district when that is found, else under the regency. */
    public Optional<Region> originVillage() {
        if (isBlank(Field.ORIGIN_VILLAGE) || resolvedRegency().isEmpty()) {
            return Optional.empty();
        }
        Region within = originDistrict().orElse(resolvedRegency().get());
        return regions.village(within, written(Field.ORIGIN_VILLAGE));
    }

    public CitizenshipReading citizenship() {
        if (citizenship == null) {
            citizenship = CitizenshipReading.read(cell(Field.CITIZENSHIP), template);
        }
        return citizenship;
    }

    /** A finding on a field of this row, with its header and value as written. */
    public Finding finding(RuleCode code, Field field, Message message) {
        return new Finding(code, field, header(field), written(field), message.id(), message.en());
    }

    /** A finding on a field of this row worded by a text of the rules, with its code. */
    Finding finding(RuleText text, Field field, Object... arguments) {
        return finding(text.code(), field, text.with(arguments));
    }

    /** A value quoted for a message, shortened when long. */
    public static String shown(String value) {
        String text = collapsed(value);
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
    }

    /** A date as offices write it: dd/mm/yyyy. */
    public static String shown(LocalDate date) {
        return SHOWN.format(date);
    }

    @SuppressWarnings("unchecked")
    private static Optional<String>[] newCodes() {
        return (Optional<String>[]) new Optional<?>[FIELDS];
    }

    static String collapsed(String text) {
        return text == null ? "" : Spaces.collapsedWithNoBreak(text);
    }
}
