package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.Template;
import org.gugus.reference.Region;
import org.gugus.reference.Regions;

/**
 * Validates mapped rows against the template's rules. A row with no error becomes a
 * {@link CaseRow} in normalised values; warnings stay with it as flags. Never throws for any cell
 * value. Immutable and safe to share between threads.
 */
public final class RowValidator {

    private final Template template;
    private final Regions regions;
    private final List<RowRule> rules;

    public RowValidator(Template template, Regions regions, List<RowRule> rules) {
        this.template = Objects.requireNonNull(template);
        this.regions = Objects.requireNonNull(regions);
        this.rules = List.copyOf(rules);
    }

    /** A validator with {@link #standardRules()} against the given edition of the regions. */
    public RowValidator(Template template, Regions regions) {
        this(template, regions, standardRules());
    }

    /** A validator with {@link #standardRules()} against the regions edition in force. */
    public RowValidator(Template template) {
        this(template, Regions.current());
    }

    /** The given rules against the regions edition in force. */
    public RowValidator(Template template, List<RowRule> rules) {
        this(template, Regions.current(), rules);
    }

    /** Every rule of template "Data Korban TPPO" v1 ("Rules"). */
    public static List<RowRule> standardRules() {
        return List.of(
                new RequiredRule(),
                new DateFormatRule(),
                new DateFutureRule(),
                new DateOrderRule(),
                new NikFormatRule(),
                new NikPrecisionRule(),
                new NikDateRule(),
                new UnknownCodeRule(),
                new RegionUnknownRule(),
                new AgeRangeRule(),
                new NikSexRule(),
                new NikBirthDateRule(),
                new NikRegionRule(),
                new AgeMismatchRule(),
                new RegionDetailRule(),
                new CharacterRemovedRule());
    }

    /**
     * @param receivedOn the day the file was received; no date of the row may be after it
     */
    public ValidatedRow validate(MappedRow row, LocalDate receivedOn) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(receivedOn, "receivedOn");
        RowUnderCheck check = new RowUnderCheck(row, receivedOn, template, regions);
        List<Finding> findings = new ArrayList<>();
        for (RowRule rule : rules) {
            List<Finding> found = rule.check(check);
            // most rules find nothing: adding their empty list copied it into a new array each time (issue 13)
            if (!found.isEmpty()) {
                findings.addAll(found);
            }
        }
        boolean rejected = findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
        return new ValidatedRow(row, rejected ? null : caseRow(check), findings);
    }

    private static CaseRow caseRow(RowUnderCheck row) {
        CitizenshipReading.Valid citizenship = row.citizenship() instanceof CitizenshipReading.Valid valid ? valid
                : new CitizenshipReading.Valid(CitizenshipReading.WNI, CitizenshipReading.INDONESIA);
        return new CaseRow(
                text(row, Field.CASE_NUMBER),
                date(row, Field.REPORT_DATE),
                date(row, Field.INCIDENT_DATE),
                text(row, Field.VICTIM_NAME),
                row.nik() instanceof NikReading.Valid nik ? nik.nik().digits() : null,
                row.code(Field.SEX).orElse(null),
                text(row, Field.BIRTH_PLACE),
                date(row, Field.BIRTH_DATE),
                row.age() instanceof AgeReading.Valid age ? age.years() : null,
                text(row, Field.ORIGIN_REGENCY),
                row.resolvedRegency().map(Region::code).orElse(null),
                text(row, Field.ORIGIN_DISTRICT),
                row.originDistrict().map(Region::code).orElse(null),
                text(row, Field.ORIGIN_VILLAGE),
                row.originVillage().map(Region::code).orElse(null),
                text(row, Field.ADDRESS),
                citizenship.status(),
                citizenship.country(),
                text(row, Field.EDUCATION),
                row.codes(Field.EXPLOITATION).codes(),
                row.codes(Field.RECRUITMENT).codes(),
                row.destinationCountry().orElse(null),
                text(row, Field.DESTINATION_AREA),
                row.code(Field.CASE_STAGE).orElse(null),
                row.codes(Field.SERVICES).codes(),
                text(row, Field.NOTES));
    }

    private static String text(RowUnderCheck row, Field field) {
        return row.text(field).orElse(null);
    }

    private static LocalDate date(RowUnderCheck row, Field field) {
        Optional<LocalDate> date = row.validDate(field);
        return date.orElse(null);
    }
}
