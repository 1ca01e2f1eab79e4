/**
 * Intake: loads one received file: read, map, validate, stage, then publish to the warehouse.
 * <p>
 * Its API is this package: {@link org.gugus.intake.IntakeService} takes an
 * {@link org.gugus.intake.IntakeRequest} and returns a {@link org.gugus.intake.FileOutcome}. The Spring
 * Batch plumbing is internal ({@code intake.job}), so are the template mapping ({@code intake.mapping})
 * and the rules ({@code intake.validate}). Corrected rows are judged and published through the named
 * interface {@code corrections} ({@link org.gugus.intake.corrections.RowCorrections}).
 * Reads workbooks through {@code workbook}; stages and publishes through {@code warehouse}.
 */
@ApplicationModule(allowedDependencies = {"workbook", "warehouse", "access", "reference", "system"})
package org.gugus.intake;

import org.springframework.modulith.ApplicationModule;
