/**
 * Spreadsheet readers: turn a delivered file (CSV, XLSX, XLS or ODS, recognised by its content) into a
 * stream of {@link org.gugus.intake.read.SheetRow}s, one row at a time.
 * Takes in a stored file and the name the office gave it; emits rows of typed cells, or an
 * {@link org.gugus.intake.read.UnreadableFileException} saying what the file was and what the office
 * should do. Every reader streams: memory stays bounded whatever the number of rows (see
 * docs/reading-workbooks.md). Knows nothing of Spring Batch or of the template's columns.
 */
package org.gugus.intake.read;
