package org.gugus.web;

import java.util.Locale;
import java.util.Objects;
import org.gugus.persons.PairDetail;

/** One field of a pair's two reports as the page shows it: both values and whether they agree. */
record PairField(String field, String a, String b) {

    static PairField of(PairDetail.Field field) {
        return new PairField(field.field(), field.a(), field.b());
    }

    /** "same", "different", "missing" when one report lacks it, "empty" when both do; case and spacing do not count. */
    public String agreement() {
        if ((a == null || a.isBlank()) && (b == null || b.isBlank())) {
            return "empty";
        }
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            return "missing";
        }
        return Objects.equals(normal(a), normal(b)) ? "same" : "different";
    }

    private static String normal(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
