package org.gugus.intake.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.Field;

/** E_DATE_FUTURE: a date after the day the file was received. */
final class DateFutureRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : RowUnderCheck.DATE_FIELDS) {
            Optional<LocalDate> date = row.validDate(field);
            if (date.isPresent() && date.get().isAfter(row.receivedOn())) {
                String value = RowUnderCheck.shown(date.get());
                String received = RowUnderCheck.shown(row.receivedOn());
                findings.add(row.finding(RuleCode.E_DATE_FUTURE, field,
                        "Tanggal " + value + " jatuh setelah file diterima (" + received + "); periksa tanggalnya, "
                                + "mungkin hari dan bulan tertukar atau tahunnya salah ketik.",
                        "Date " + value + " is after the file was received (" + received + "); check it, the day and "
                                + "month may be swapped or the year mistyped."));
            }
        }
        return findings;
    }
}
