package org.gugus.reporting;

import java.time.format.DateTimeFormatter;
import org.gugus.system.Message;
import org.gugus.system.Messages;

/** The words of a report that CSV and XLSX share, Indonesian with English. */
final class ReportText {

    private ReportText() {
    }

    static Message indicator(Indicator indicator) {
        return Messages.get("reporting.indicator." + indicator.key());
    }

    static Message period(ReportQuery query) {
        String from = query.from() == null ? "…" : query.from().toString();
        String to = query.to() == null ? "…" : query.to().toString();
        return query.from() == null && query.to() == null ? Messages.get("reporting.period.all")
                : Messages.get("reporting.period", from, to);
    }

    static Message office(ReportQuery query) {
        return query.office() == null ? Messages.get("reporting.office.all") : Messages.get("reporting.office", query.office());
    }

    static Message suppression(NationalReport report) {
        return report.suppressed() ? Messages.get("reporting.suppression.applied", report.k())
                : Messages.get("reporting.suppression.off");
    }

    static String madeAt(NationalReport report) {
        return report.madeAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** "Indonesian / English" of a message. */
    static String both(Message message) {
        return message.id().equals(message.en()) ? message.id() : message.id() + " / " + message.en();
    }

    static String both(String key) {
        return both(Messages.get(key));
    }
}
