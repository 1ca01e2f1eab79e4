/**
 * Review: the rows provincial staff must look at, and their corrections. Lists the rejected rows and
 * the flagged victims of a file or an office through the warehouse's API
 * ({@link org.gugus.warehouse.RejectedRows}, {@link org.gugus.warehouse.FlaggedVictims}), each finding
 * worded with its file, sheet, row, column, value and what to do; takes corrected rows back (its own
 * table {@code review.correction}), has them judged and published through intake's named interface
 * {@code corrections}, keeping every submission.
 * <p>
 * Offers {@code gugus rejections ...} and {@code gugus flags ...} on the command line and a JSON API
 * under {@code /api/review}. Nothing depends on it.
 */
@ApplicationModule(allowedDependencies = {"intake :: corrections", "warehouse", "ingest", "access", "reference",
        "system"})
package org.gugus.review;

import org.springframework.modulith.ApplicationModule;
