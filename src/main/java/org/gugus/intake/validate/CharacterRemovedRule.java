package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import org.gugus.intake.mapping.Field;
import org.gugus.system.Message;
import org.gugus.system.Messages;

/**
 * W_CHARACTER_REMOVED: the reader took characters PostgreSQL cannot store (NUL, a broken Unicode
 * character) out of a field's cell. The row loads with what remains, and says so, so a reviewer
 * can check the value against the original file.
 */
final class CharacterRemovedRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        List<Finding> findings = new ArrayList<>();
        for (Field field : Field.values()) {
            if (row.cell(field).charactersRemoved()) {
                // The reader owns what it does to a cell, so its bundle words it.
                Message message = Messages.get("workbook.cell.characters-removed", RowUnderCheck.shown(row.header(field)));
                findings.add(row.finding(RuleCode.W_CHARACTER_REMOVED, field, message));
            }
        }
        return findings;
    }
}
