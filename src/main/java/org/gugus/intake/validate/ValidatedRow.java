package org.gugus.intake.validate;

import java.util.List;
import org.gugus.intake.mapping.MappedRow;

/**
 * A row after validation: {@code caseRow} is present when no finding is an error; warnings stay
 * with the loaded row as flags.
 */
public record ValidatedRow(MappedRow source, CaseRow caseRow, List<Finding> findings) {

    public ValidatedRow {
        findings = List.copyOf(findings);
    }

    public boolean rejected() {
        return caseRow == null;
    }
}
