package org.gugus.intake.validate;

/** The row rule codes of the template ("Rules"). */
public enum RuleCode {
    E_REQUIRED(Severity.ERROR),
    E_DATE_FORMAT(Severity.ERROR),
    E_DATE_FUTURE(Severity.ERROR),
    E_DATE_ORDER(Severity.ERROR),
    E_NIK_FORMAT(Severity.ERROR),
    E_NIK_PRECISION(Severity.ERROR),
    E_NIK_DATE(Severity.ERROR),
    E_CODE_UNKNOWN(Severity.ERROR),
    E_REGION_UNKNOWN(Severity.ERROR),
    E_AGE_RANGE(Severity.ERROR),
    W_NIK_SEX(Severity.WARNING),
    W_NIK_BIRTHDATE(Severity.WARNING),
    W_NIK_REGION(Severity.WARNING),
    W_AGE_MISMATCH(Severity.WARNING),
    W_REGION_DETAIL(Severity.WARNING),
    W_CHARACTER_REMOVED(Severity.WARNING);

    private final Severity severity;

    RuleCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
