package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;

/** E_REQUIRED: a required field is blank, or every field of a "one of" group (birth_date, age) is. */
final class RequiredRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : Field.values()) {
            if (row.template().isRequired(field) && row.isBlank(field)) {
                String column = RowUnderCheck.shown(row.header(field));
                findings.add(row.finding(RuleCode.E_REQUIRED, field,
                        "Kolom '" + column + "' wajib diisi tetapi kosong; isi nilainya pada baris ini.",
                        "Column '" + column + "' is required but empty; fill it in on this row."));
            }
        }
        for (Set<Field> group : row.template().requiredOneOf()) {
            if (group.stream().allMatch(row::isBlank)) {
                Field shownOn = group.stream().filter(row::hasColumn).findFirst()
                        .orElse(group.iterator().next());
                String columnsId = group.stream().map(field -> "'" + RowUnderCheck.shown(row.header(field)) + "'")
                        .collect(Collectors.joining(" dan "));
                String columnsEn = group.stream().map(field -> "'" + RowUnderCheck.shown(row.header(field)) + "'")
                        .collect(Collectors.joining(" and "));
                findings.add(row.finding(RuleCode.E_REQUIRED, shownOn,
                        "Kolom " + columnsId + " tidak ada yang diisi; isi paling sedikit salah satunya.",
                        "Columns " + columnsEn + " are all empty; fill in at least one of them."));
            }
        }
        return findings;
    }
}
