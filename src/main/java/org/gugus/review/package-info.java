/**
 * Review: the rows provincial staff must look at, and their corrections. Lists the rejected rows
 * ({@code review.rejected_row}) and the flagged victims (loaded with warnings,
 * {@code warehouse.victim_flag}) of a file or an office, each finding worded with its file, sheet,
 * row, column, value and what to do; takes corrected rows back ({@code review.correction}), judges
 * them by the template's rules and publishes the ones that pass through
 * {@link org.gugus.intake.corrections.RowCorrections}, keeping every submission.
 * <p>
 * Offers {@code gugus rejections ...} and {@code gugus flags ...} on the command line and a JSON API
 * under {@code /api/review}. Depends on {@code intake} (corrections) and {@code system} (commands);
 * nothing depends on it. The review workspace UI comes later.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"intake :: corrections", "warehouse", "access", "reference", "system"})
package org.gugus.review;
