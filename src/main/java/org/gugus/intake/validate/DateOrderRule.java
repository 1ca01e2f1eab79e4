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
            findings.add(row.finding(RuleText.INCIDENT_AFTER_REPORT, Field.INCIDENT_DATE, shown(incident),
                    shown(report)));
        }
        if (birth.isPresent() && incident.isPresent() && birth.get().isAfter(incident.get())) {
            findings.add(row.finding(RuleText.BIRTH_AFTER_INCIDENT, Field.BIRTH_DATE, shown(birth), shown(incident)));
        }
        else if (birth.isPresent() && report.isPresent() && birth.get().isAfter(report.get())) {
            findings.add(row.finding(RuleText.BIRTH_AFTER_REPORT, Field.BIRTH_DATE, shown(birth), shown(report)));
        }
        return findings;
    }

    private static String shown(Optional<LocalDate> date) {
        return RowUnderCheck.shown(date.orElseThrow());
    }
}
