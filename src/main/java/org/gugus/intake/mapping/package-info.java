/**
 * Reading a sheet the way the provincial template describes it: the template file
 * ({@code jobs/templates/korban-v1.yaml}, loaded as a {@link org.gugus.intake.mapping.Template}),
 * finding the header row under title rows ({@link org.gugus.intake.mapping.HeaderDetector}),
 * telling data rows from blank, column-number, total and signature rows
 * ({@link org.gugus.intake.mapping.RowClassifier}), and assigning cells to fields
 * ({@link org.gugus.intake.mapping.HeaderLayout#map}). Also the value readers the rules share:
 * dates, value lists, countries.
 * <p>
 * Takes in {@code SheetRow}s from {@code intake.read}; emits {@link org.gugus.intake.mapping.MappedRow}s
 * for {@code intake.validate}, and header outcomes from which the job raises F_NO_HEADER and
 * F_MISSING_COLUMN. Plain Java: no Spring, Batch or Camel types.
 */
package org.gugus.intake.mapping;
