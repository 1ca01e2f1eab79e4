package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.mapping.DateReading;
import org.gugus.intake.mapping.Field;

/** E_DATE_FORMAT: a date that cannot be read, with advice fitting what was written. */
final class DateFormatRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : RowUnderCheck.DATE_FIELDS) {
            if (row.date(field) instanceof DateReading.Invalid invalid) {
                String value = RowUnderCheck.shown(row.written(field));
                findings.add(switch (invalid.problem()) {
                    case TWO_DIGIT_YEAR -> row.finding(RuleCode.E_DATE_FORMAT, field,
                            "Tanggal '" + value + "' memakai tahun 2 angka; tulis tahun lengkap 4 angka sebagai "
                                    + "dd/mm/yyyy, mis. 05/07/2024.",
                            "Date '" + value + "' has a 2-digit year; write the full 4-digit year as dd/mm/yyyy, "
                                    + "e.g. 05/07/2024.");
                    case YEAR_ONLY -> row.finding(RuleCode.E_DATE_FORMAT, field,
                            "'" + value + "' hanya tahun, bukan tanggal; tulis tanggal lengkap sebagai dd/mm/yyyy, "
                                    + "mis. 05/07/2024.",
                            "'" + value + "' is a year, not a date; write the full date as dd/mm/yyyy, e.g. 05/07/2024.");
                    case NO_SUCH_DAY -> row.finding(RuleCode.E_DATE_FORMAT, field,
                            "Tanggal '" + value + "' tidak ada di kalender; periksa hari dan bulannya dan tulis sebagai "
                                    + "dd/mm/yyyy (hari dulu, lalu bulan), mis. 05/07/2024.",
                            "Date '" + value + "' does not exist in the calendar; check the day and month and write it as "
                                    + "dd/mm/yyyy (day first, then month), e.g. 05/07/2024.");
                    case YEAR_OUT_OF_RANGE -> row.finding(RuleCode.E_DATE_FORMAT, field,
                            "Tahun pada tanggal '" + value + "' tidak mungkin (sebelum 1900 atau setelah 2999); periksa "
                                    + "tahunnya dan tulis sebagai dd/mm/yyyy, mis. 05/07/2024.",
                            "The year of date '" + value + "' is impossible (before 1900 or after 2999); check the year "
                                    + "and write it as dd/mm/yyyy, e.g. 05/07/2024.");
                    case UNREADABLE -> row.finding(RuleCode.E_DATE_FORMAT, field,
                            "Tanggal '" + value + "' tidak dapat dibaca; tulis sebagai dd/mm/yyyy, mis. 05/07/2024.",
                            "Date '" + value + "' cannot be read; write it as dd/mm/yyyy, e.g. 05/07/2024.");
                });
            }
        }
        return findings;
    }
}
