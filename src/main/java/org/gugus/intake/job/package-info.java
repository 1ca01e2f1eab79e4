/**
 * The intake job (Spring Batch): one instance per received file; {@code stage} reads, maps and judges
 * every row chunk by chunk into the warehouse's staging area, restartable from its last committed
 * chunk; {@code publish} hands the staged file to the warehouse in one transaction. Internal to intake.
 */
package org.gugus.intake.job;
