/**
 * The row rules of the template: each a {@link org.gugus.intake.validate.RowRule}, run by the
 * {@link org.gugus.intake.validate.RowValidator}, each finding a code, the field and column, the
 * value as written and what to do, in Indonesian and English, worded from {@code messages/intake}
 * ({@code RuleText}). A row without errors becomes a
 * {@link org.gugus.intake.validate.CaseRow} in normalised values, with its
 * {@link org.gugus.intake.validate.VictimIdentity}.
 * <p>
 * Takes in {@code MappedRow}s from {@code intake.mapping}; emits {@link org.gugus.intake.validate.ValidatedRow}s
 * for {@code intake.load} (valid rows) and {@code review} (rejected and flagged rows). Plain Java:
 * no Spring, Batch or Camel types. Region rules wait for the regions reference.
 */
package org.gugus.intake.validate;
