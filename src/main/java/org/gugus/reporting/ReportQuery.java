package org.gugus.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.gugus.system.Messages;

/**
 * What a report is asked for: the period on report dates ({@code from}..{@code to}, inclusive;
 * either may be open) and the office filter (a Kemendagri code, or none for every office).
 */
record ReportQuery(LocalDate from, LocalDate to, String office) {

    private static final Pattern OFFICE = Pattern.compile("\\d{2}\\.?\\d{2}");

    ReportQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException(Messages.get("reporting.period.reversed", from, to).both());
        }
        if (office != null) {
            office = office.strip();
            if (!OFFICE.matcher(office).matches()) {
                throw new IllegalArgumentException(Messages.get("reporting.office.invalid", office).both());
            }
            office = office.substring(0, 2) + "." + office.substring(office.length() - 2);
        }
    }

    static ReportQuery everything() {
        return new ReportQuery(null, null, null);
    }

    /** Whether every report counts: no period, no office (the per-person table answers). */
    boolean allTime() {
        return from == null && to == null && office == null;
    }

    /** Reads the parameters as people write them: dates as YYYY-MM-DD, blank as none. */
    static ReportQuery of(String from, String to, String office) {
        return new ReportQuery(date(from, "from"), date(to, "to"), office == null || office.isBlank() ? null : office);
    }

    private static LocalDate date(String written, String name) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(written.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Messages.get("reporting.date.invalid", name, written).both(), e);
        }
    }
}
