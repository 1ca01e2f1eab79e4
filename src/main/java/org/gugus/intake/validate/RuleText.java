package org.gugus.intake.validate;

import org.gugus.system.Message;
import org.gugus.system.Messages;

/**
 * Every text the rules write: a finding's message, or a part of one that reads differently in each
 * language. The words are in {@code messages/intake.properties} (Indonesian) and
 * {@code messages/intake_en.properties} (English) under {@code intake.rule.CODE.variant}; the
 * arguments each text takes are listed above it there.
 */
enum RuleText {

    REQUIRED_COLUMN(RuleCode.E_REQUIRED, "intake.rule.E_REQUIRED.column"),
    REQUIRED_ONE_OF(RuleCode.E_REQUIRED, "intake.rule.E_REQUIRED.one-of"),
    REQUIRED_ONE_OF_AND(RuleCode.E_REQUIRED, "intake.rule.E_REQUIRED.one-of.and"),

    DATE_TWO_DIGIT_YEAR(RuleCode.E_DATE_FORMAT, "intake.rule.E_DATE_FORMAT.two-digit-year"),
    DATE_YEAR_ONLY(RuleCode.E_DATE_FORMAT, "intake.rule.E_DATE_FORMAT.year-only"),
    DATE_NO_SUCH_DAY(RuleCode.E_DATE_FORMAT, "intake.rule.E_DATE_FORMAT.no-such-day"),
    DATE_YEAR_OUT_OF_RANGE(RuleCode.E_DATE_FORMAT, "intake.rule.E_DATE_FORMAT.year-out-of-range"),
    DATE_UNREADABLE(RuleCode.E_DATE_FORMAT, "intake.rule.E_DATE_FORMAT.unreadable"),

    DATE_AFTER_RECEIVED(RuleCode.E_DATE_FUTURE, "intake.rule.E_DATE_FUTURE.after-received"),

    INCIDENT_AFTER_REPORT(RuleCode.E_DATE_ORDER, "intake.rule.E_DATE_ORDER.incident-after-report"),
    BIRTH_AFTER_INCIDENT(RuleCode.E_DATE_ORDER, "intake.rule.E_DATE_ORDER.birth-after-incident"),
    BIRTH_AFTER_REPORT(RuleCode.E_DATE_ORDER, "intake.rule.E_DATE_ORDER.birth-after-report"),

    NIK_SCIENTIFIC_NOTATION(RuleCode.E_NIK_FORMAT, "intake.rule.E_NIK_FORMAT.scientific-notation"),
    NIK_NOT_16_DIGITS(RuleCode.E_NIK_FORMAT, "intake.rule.E_NIK_FORMAT.not-16-digits"),
    NIK_NOT_16_DIGITS_COUNTED(RuleCode.E_NIK_FORMAT, "intake.rule.E_NIK_FORMAT.not-16-digits.counted"),

    NIK_PRECISION_LOST(RuleCode.E_NIK_PRECISION, "intake.rule.E_NIK_PRECISION.stored-as-number"),

    NIK_IMPOSSIBLE_DATE(RuleCode.E_NIK_DATE, "intake.rule.E_NIK_DATE.impossible-date"),

    CODE_UNKNOWN(RuleCode.E_CODE_UNKNOWN, "intake.rule.E_CODE_UNKNOWN.value"),
    CODE_UNKNOWN_IN_LIST(RuleCode.E_CODE_UNKNOWN, "intake.rule.E_CODE_UNKNOWN.list-value"),
    COUNTRY_UNKNOWN(RuleCode.E_CODE_UNKNOWN, "intake.rule.E_CODE_UNKNOWN.country"),
    CITIZENSHIP_UNKNOWN(RuleCode.E_CODE_UNKNOWN, "intake.rule.E_CODE_UNKNOWN.citizenship"),

    REGENCY_AMBIGUOUS(RuleCode.E_REGION_UNKNOWN, "intake.rule.E_REGION_UNKNOWN.ambiguous"),
    REGENCY_NOT_FOUND(RuleCode.E_REGION_UNKNOWN, "intake.rule.E_REGION_UNKNOWN.not-found"),
    REGENCY_FORMER_CODE(RuleCode.E_REGION_UNKNOWN, "intake.rule.E_REGION_UNKNOWN.not-found.former-code"),
    REGENCY_BPS_CODE(RuleCode.E_REGION_UNKNOWN, "intake.rule.E_REGION_UNKNOWN.not-found.bps-code"),
    REGENCY_PROVINCE(RuleCode.E_REGION_UNKNOWN, "intake.rule.E_REGION_UNKNOWN.not-found.province"),

    AGE_NOT_WHOLE_YEARS(RuleCode.E_AGE_RANGE, "intake.rule.E_AGE_RANGE.not-whole-years"),

    NIK_OF_A_WOMAN(RuleCode.W_NIK_SEX, "intake.rule.W_NIK_SEX.nik-female"),
    NIK_OF_A_MAN(RuleCode.W_NIK_SEX, "intake.rule.W_NIK_SEX.nik-male"),

    NIK_BIRTH_DATE_DIFFERS(RuleCode.W_NIK_BIRTHDATE, "intake.rule.W_NIK_BIRTHDATE.differs"),

    NIK_FORMER_REGENCY(RuleCode.W_NIK_REGION, "intake.rule.W_NIK_REGION.former-code"),
    NIK_UNKNOWN_REGION(RuleCode.W_NIK_REGION, "intake.rule.W_NIK_REGION.unknown-code"),

    AGE_DIFFERS(RuleCode.W_AGE_MISMATCH, "intake.rule.W_AGE_MISMATCH.differs"),

    DISTRICT_NOT_FOUND(RuleCode.W_REGION_DETAIL, "intake.rule.W_REGION_DETAIL.district"),
    DISTRICT_NOT_FOUND_LISTED(RuleCode.W_REGION_DETAIL, "intake.rule.W_REGION_DETAIL.district.listed"),
    VILLAGE_NOT_FOUND(RuleCode.W_REGION_DETAIL, "intake.rule.W_REGION_DETAIL.village"),
    VILLAGE_DISTRICT(RuleCode.W_REGION_DETAIL, "intake.rule.W_REGION_DETAIL.village.in-district");

    private final RuleCode code;
    private final String key;

    RuleText(RuleCode code, String key) {
        // Written out whole so that a key of the bundle can be found in the code; it must name its code.
        if (!key.startsWith("intake.rule." + code.name() + ".")) {
            throw new IllegalArgumentException(key + " is not a key of " + code);
        }
        this.code = code;
        this.key = key;
    }

    /** The rule code a finding worded by this text carries. */
    RuleCode code() {
        return code;
    }

    /** The message key, {@code intake.rule.CODE.variant}. */
    String key() {
        return key;
    }

    /** The text in both languages; an argument that is itself a {@link Message} goes in in each language. */
    Message with(Object... arguments) {
        return Messages.get(key, arguments);
    }
}
