package org.gugus.intake.validate;

import java.util.List;

/**
 * One rule of the template. A rule looks at a row and returns what it found, nothing when the row
 * satisfies it; it must not throw for any value. Adding a rule is adding a class and listing it
 * in {@link RowValidator#standardRules()}.
 */
@FunctionalInterface
public interface RowRule {

    List<Finding> check(RowUnderCheck row);
}
