/**
 * Workbook: spreadsheet readers that turn a delivered file (CSV, XLSX, XLS or ODS, recognised by its
 * content) into a stream of {@link org.gugus.workbook.SheetRow}s, one row at a time.
 * <p>
 * Takes in a stored file and the name the office gave it; emits rows of typed cells, or an
 * {@link org.gugus.workbook.UnreadableFileException} saying what the file was and what the office
 * should do. Every reader streams: memory stays bounded whatever the number of rows, and a cell,
 * a row or its columns beyond the {@link org.gugus.workbook.WorkbookLimits} refuse the file as a
 * {@link org.gugus.workbook.TooLargeFileException} before they are held (see
 * docs/reading-workbooks.md). Characters PostgreSQL cannot store are taken out of every cell and
 * the cell says so ({@link org.gugus.workbook.CellValue#charactersRemoved()}). Plain Java: knows nothing of Spring, Spring Batch or the template's
 * columns, so {@code bench/} uses it as a library. Depends only on {@code system} (the messages users read).
 */
@ApplicationModule(allowedDependencies = {"system"})
package org.gugus.workbook;

import org.springframework.modulith.ApplicationModule;
