/**
 * Intake: the Spring Batch job that loads one received file: read, map, validate, stage, publish.
 * Takes in an {@link org.gugus.intake.IntakeRequest}; emits a {@link org.gugus.intake.LoadReport}.
 * Owns the {@code intake} staging schema and writes the {@code warehouse} and {@code review} schemas
 * when it publishes a file. Readers, template mapping, rules and the loader are internal.
 */
package org.gugus.intake;
