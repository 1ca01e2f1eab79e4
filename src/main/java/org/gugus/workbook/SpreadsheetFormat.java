package org.gugus.workbook;

/** The formats a regency office may deliver, detected from a file's content. */
public enum SpreadsheetFormat {
    CSV, XLSX, XLS, ODS
}
