package org.gugus.intake.job;

import java.time.LocalDate;
import java.util.Map;
import org.gugus.access.PseudonymKey;
import org.gugus.intake.validate.VictimIdentity;

/**
 * The keys a victim record is found by, as keyed pseudonyms of its {@link VictimIdentity}: the
 * identity key (office, case, victim: one record per office) and the person key (the victim
 * regardless of case and office, to count a person once nationally). Each kind is prefixed before
 * it is keyed, so an identity key never equals a person key.
 */
record IdentityKeys(String identityKey, String personKey) {

    static IdentityKeys of(String officeCode, VictimIdentity identity, PseudonymKey key) {
        return new IdentityKeys(key.pseudonym("identity\u001f" + officeCode + "\u001f" + identity.key()),
                key.pseudonym("person\u001f" + identity.personKey()));
    }

    /** The keys of a stored normalised row ({@code case_row}, the JSON text {@link CaseRowText} writes). */
    static IdentityKeys of(String officeCode, Map<String, Object> caseRow, PseudonymKey key) {
        Object birthDate = caseRow.get("birth_date");
        Object age = caseRow.get("age");
        return of(officeCode, VictimIdentity.of(text(caseRow.get("case_number")), text(caseRow.get("victim_name")),
                text(caseRow.get("nik")), birthDate == null ? null : LocalDate.parse(birthDate.toString()),
                age == null ? null : Integer.valueOf(age.toString())), key);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
