package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gugus.intake.mapping.Field;
import org.gugus.system.Message;

/** E_REQUIRED: a required field is blank, or every field of a "one of" group (birth_date, age) is. */
final class RequiredRule implements RowRule {

    private static final Field[] FIELDS = Field.values();

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : FIELDS) {
            if (row.template().isRequired(field) && row.isBlank(field)) {
                findings.add(row.finding(RuleText.REQUIRED_COLUMN, field, RowUnderCheck.shown(row.header(field))));
            }
        }
        for (Set<Field> group : row.template().requiredOneOf()) {
            if (allBlank(row, group)) {
                Field shownOn = group.stream().filter(row::hasColumn).findFirst()
                        .orElse(group.iterator().next());
                Message columns = group.stream()
                        .map(field -> "'" + RowUnderCheck.shown(row.header(field)) + "'")
                        .map(column -> new Message(column, column))
                        .reduce((first, next) -> RuleText.REQUIRED_ONE_OF_AND.with(first, next)).orElseThrow();
                findings.add(row.finding(RuleText.REQUIRED_ONE_OF, shownOn, columns));
            }
        }
        return findings;
    }

    /** Whether every field of the group is blank (a loop: every row asks, and a stream costs more on the quick compiler). */
    private static boolean allBlank(RowUnderCheck row, Set<Field> group) {
        for (Field field : group) {
            if (!row.isBlank(field)) {
                return false;
            }
        }
        return true;
    }
}
