/**
 * Feedback: answers every office with its own workbook, marked up ("Hasil Pemeriksaan"). For each
 * received file, loaded or quarantined, writes an XLSX with a {@code Ringkasan} summary sheet and
 * the office's own sheets and values, each rejected or flagged cell filled and commented, and a
 * status per row; delivers it to the office's outbox right after the load (and, through ingest's
 * {@link org.gugus.ingest.FileAnswers}, to an SFTP source's feedback folder), and on request
 * ({@code gugus feedback}, {@code GET /api/files/{id}/feedback}). A loaded file's answer starts when
 * warehouse's {@link org.gugus.warehouse.VictimsPublished} commits, beside the persons resolution,
 * and is finished on ingest's {@link org.gugus.ingest.FileFinished}.
 * <p>
 * Reads the registry through {@code ingest}, the kept row outcomes through {@code warehouse}, the
 * original through {@code workbook} and the template's headers through {@code intake}; a workbook
 * sent back fixed is read by intake itself ({@link org.gugus.intake.AnswerWorkbook}). Nothing
 * depends on it.
 */
@ApplicationModule(allowedDependencies = {"intake", "ingest", "warehouse", "workbook",
        "access", "reference", "system"})
package org.gugus.feedback;

import org.springframework.modulith.ApplicationModule;
