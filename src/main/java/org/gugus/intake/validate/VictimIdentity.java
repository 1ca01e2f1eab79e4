package org.gugus.intake.validate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gugus.intake.mapping.Spaces;

/**
 * Who a row is about, as the template defines it: the case number, and the victim by NIK, else by
 * name and birth date, else by name and age. The reporting office, the third part of a row's
 * identity, comes from where the file came from and is added by the caller.
 *
 * @param caseNumber the case number trimmed, in capitals, inner spaces collapsed
 * @param victim     {@code NIK:<16 digits>}, {@code NAME:<name>|BORN:<yyyy-mm-dd>} or
 *                   {@code NAME:<name>|AGE:<years>}; the name in capitals, without punctuation
 */
public record VictimIdentity(String caseNumber, String victim) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u2019]");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static VictimIdentity of(CaseRow row) {
        return of(row.caseNumber(), row.victimName(), row.nik(), row.birthDate(), row.age());
    }

    /** The identity from the fields it is made of, e.g. as a stored normalised row keeps them. */
    public static VictimIdentity of(String caseNumber, String victimName, String nik, LocalDate birthDate, Integer age) {
        return new VictimIdentity(caseNumber(caseNumber), victim(victimName, nik, birthDate, age));
    }

    /** The identity within one office, stable across deliveries: {@code <case>|<victim>}. */
    public String key() {
        return caseNumber + "|" + victim;
    }

    /** The person regardless of case and office, to count a victim once nationally. */
    public String personKey() {
        return victim;
    }

    /** A case number as identities hold it: trimmed, in capitals, inner spaces collapsed. */
    public static String caseNumber(String caseNumber) {
        // Spaces.collapsed is exactly \s+ made one space in the stripped text, without a regular expression
        // (every valid row's case number passes here twice: its staged value and its identity)
        return caseNumber == null ? "" : Spaces.collapsed(caseNumber).toUpperCase(Locale.ROOT);
    }

    /** A victim's name as identities hold it: capitals, accents and punctuation dropped ("Ma'ruf" = "MARUF"). */
    public static String name(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return PUNCTUATION.matcher(APOSTROPHES.matcher(decomposed).replaceAll("")).replaceAll(" ")
                .strip()
                .toUpperCase(Locale.ROOT);
    }

    private static String victim(String victimName, String nik, LocalDate birthDate, Integer age) {
        if (nik != null) {
            return "NIK:" + nik;
        }
        String name = "NAME:" + name(victimName);
        if (birthDate != null) {
            return name + "|BORN:" + birthDate;
        }
        return name + "|AGE:" + (age == null ? "" : age);
    }
}
