package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** E_DATE_ORDER: the incident after the report, or the birth after the incident or the report. */
final class DateOrderRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        Optional<LocalDate> report = row.validDate(Field.REPORT_DATE);
        Optional<LocalDate> incident = row.validDate(Field.INCIDENT_DATE);
        Optional<LocalDate> birth = row.validDate(Field.BIRTH_DATE);
        if (incident.isPresent() && report.isPresent() && incident.get().isAfter(report.get())) {
            findings.add(row.finding(RuleCode.E_DATE_ORDER, Field.INCIDENT_DATE,
                    "Tanggal kejadian " + shown(incident) + " setelah tanggal lapor " + shown(report)
                            + "; kejadian tidak mungkin setelah dilaporkan, periksa kedua tanggal.",
                    "Incident date " + shown(incident) + " is after report date " + shown(report)
                            + "; an incident cannot follow its report, check both dates."));
        }
        if (birth.isPresent() && incident.isPresent() && birth.get().isAfter(incident.get())) {
            findings.add(row.finding(RuleCode.E_DATE_ORDER, Field.BIRTH_DATE,
                    "Tanggal lahir " + shown(birth) + " setelah tanggal kejadian " + shown(incident)
                            + "; periksa tanggal lahir (tulis dd/mm/yyyy) dan tanggal kejadian.",
                    "Birth date " + shown(birth) + " is after incident date " + shown(incident)
                            + "; check the birth date (write dd/mm/yyyy) and the incident date."));
        }
        else if (birth.isPresent() && report.isPresent() && birth.get().isAfter(report.get())) {
            findings.add(row.finding(RuleCode.E_DATE_ORDER, Field.BIRTH_DATE,
                    "Tanggal lahir " + shown(birth) + " setelah tanggal lapor " + shown(report)
                            + "; periksa tanggal lahir (tulis dd/mm/yyyy) dan tanggal lapor.",
                    "Birth date " + shown(birth) + " is after report date " + shown(report)
                            + "; check the birth date (write dd/mm/yyyy) and the report date."));
        }
        return findings;
    }

    private static String shown(Optional<LocalDate> date) {
        return RowUnderCheck.shown(date.orElseThrow());
    }
}
