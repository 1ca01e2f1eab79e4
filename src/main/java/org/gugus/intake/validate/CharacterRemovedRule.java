package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.mapping.Field;

/**
 * W_CHARACTER_REMOVED: the reader took characters PostgreSQL cannot store (NUL, a broken Unicode
 * character) out of a field's cell. The row loads with what remains, and says so, so a reviewer
 * can check the value against the original file.
 */
final class CharacterRemovedRule implements RowRule {

    private static final Field[] FIELDS = Field.values();

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : FIELDS) {
            if (row.cell(field).charactersRemoved()) {
                findings.add(row.finding(RuleText.CHARACTERS_REMOVED, field, RowUnderCheck.shown(row.written(field)),
                        RowUnderCheck.shown(row.header(field))));
            }
        }
        return findings;
    }
}
