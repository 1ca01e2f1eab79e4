package org.gugus.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicators of {@code docs/indicators-v1.md}, in the order of the report. Each is SQL that
 * gives (person_id, code, unit) pairs, over {@code r} (the reports of the period and office) or
 * {@code p} (one row per person, {@link PersonRules}); a cell counts the distinct units of its code
 * (persons, except for {@code reports} and {@code cases}). A total has the one code {@code ""}.
 */
enum Indicator {
    UNIQUE_VICTIMS(Shape.TOTAL, null, true, "select person_id, '' as code, person_id as unit from p"),
    REPORTS(Shape.TOTAL, null, false, "select person_id, '' as code, victim_id as unit from r"),
    CASES(Shape.TOTAL, null, false, "select person_id, '' as code, case_id as unit from r"),
    CHILDREN(Shape.TOTAL, null, true, "select person_id, '' as code, person_id as unit from p where age < 18"),
    MULTI_OFFICE_VICTIMS(Shape.TOTAL, null, true,
            "select person_id, '' as code, person_id as unit from p where office_count >= 2"),
    RE_TRAFFICKED_VICTIMS(Shape.TOTAL, null, true, "select person_id, '' as code, person_id as unit from p where cases >= 2"),
    BY_SEX(Shape.PARTITION, "sex", true,
            "select person_id, coalesce(sex, 'unknown') as code, person_id as unit from p"),
    BY_AGE_GROUP(Shape.PARTITION, "age_group", true,
            "select person_id, reporting.age_group(age) as code, person_id as unit from p"),
    BY_EXPLOITATION(Shape.OVERLAPPING, "exploitation", false,
            "select person_id, code, person_id as unit from r, unnest(r.exploitation) code"),
    BY_RECRUITMENT(Shape.OVERLAPPING, "recruitment", false,
            "select person_id, code, person_id as unit from r, unnest(r.recruitment) code"),
    BY_DESTINATION_COUNTRY(Shape.OVERLAPPING, "country", false,
            "select person_id, destination_country as code, person_id as unit from r where destination_country is not null"),
    BY_ORIGIN_REGENCY(Shape.PARTITION, "region", true,
            "select person_id, coalesce(origin_regency_code, 'unknown') as code, person_id as unit from p"),
    BY_ORIGIN_PROVINCE(Shape.PARTITION, "region", true,
            "select person_id, coalesce(left(origin_regency_code, 2), 'unknown') as code, person_id as unit from p"),
    BY_OFFICE(Shape.OVERLAPPING, "region", false, "select person_id, office_code as code, person_id as unit from r"),
    BY_CASE_STAGE(Shape.PARTITION, "case_stage", true,
            "select person_id, coalesce(case_stage, 'unknown') as code, person_id as unit from p"),
    BY_SERVICE(Shape.OVERLAPPING, "services", false,
            "select person_id, code, person_id as unit from r, unnest(r.services) code"),
    BY_MONTH(Shape.PARTITION, null, true,
            "select person_id, to_char(first_report_date, 'YYYY-MM') as code, person_id as unit from p");

    /**
     * TOTAL: one number. PARTITION: every person in exactly one cell, so the cells add up to the
     * published {@code unique_victims} (complementary suppression applies). OVERLAPPING: a person in
     * as many cells as she has codes; no total of the cells is published.
     */
    enum Shape { TOTAL, PARTITION, OVERLAPPING }

    private final Shape shape;
    private final String vocabulary;
    private final boolean perPerson;
    private final String pairs;

    Indicator(Shape shape, String vocabulary, boolean perPerson, String pairs) {
        this.shape = shape;
        this.vocabulary = vocabulary;
        this.perPerson = perPerson;
        this.pairs = pairs;
    }

    /** The JSON key, e.g. {@code by_exploitation}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    Shape shape() {
        return shape;
    }

    /** The vocabulary of the codes' labels ({@code reporting.code_label}, or {@code region}); none for months and totals. */
    String vocabulary() {
        return vocabulary;
    }

    /** Whether the pairs come from {@code p} (one row per person) rather than {@code r}. */
    boolean perPerson() {
        return perPerson;
    }

    /** SQL giving (person_id, code, unit). */
    String pairs() {
        return pairs;
    }

    /** Whether a cell counts persons (not reports or cases). */
    boolean countsPersons() {
        return this != REPORTS && this != CASES;
    }

    static Optional<Indicator> of(String key) {
        return Arrays.stream(values()).filter(indicator -> indicator.key().equalsIgnoreCase(key.strip())).findFirst();
    }
}
