package org.gugus.workbook;

import org.gugus.system.Messages;

/**
 * The one vocabulary in which every reader refuses a file: damaged, damaged at a sheet and row,
 * password-protected, a decompression bomb, a DTD, a cell or row beyond the {@link WorkbookLimits}.
 * Each says what was found and what the office should do, from the {@code workbook} bundle, so
 * the four formats word the same trouble the same way.
 */
final class WorkbookErrors {

    private WorkbookErrors() {
    }

    /** A file that is not a spreadsheet we read, with the key of what it is ({@code workbook.file.*}). */
    static UnreadableFileException refused(String key, Object... arguments) {
        return new UnreadableFileException(Messages.get(key, arguments), null);
    }

    static UnreadableFileException damaged(SpreadsheetFormat format, Throwable cause) {
        return new UnreadableFileException(Messages.get("workbook.damaged", format.name()), cause);
    }

    static UnreadableFileException damagedAt(SpreadsheetFormat format, String sheet, int row, Throwable cause) {
        return new UnreadableFileException(Messages.get("workbook.damaged.at", format.name(), sheet, row), cause);
    }

    /** Encrypted; {@code format} is the format's name, or "Excel" when only the container is known. */
    static UnreadableFileException passwordProtected(String format, Throwable cause) {
        return new UnreadableFileException(Messages.get("workbook.password", format), cause);
    }

    static TooLargeFileException zipBomb(SpreadsheetFormat format, Throwable cause) {
        return new TooLargeFileException(Messages.get("workbook.zip-bomb", format.name()), cause);
    }

    static UnreadableFileException dtdRefused(SpreadsheetFormat format, Throwable cause) {
        return new UnreadableFileException(Messages.get("workbook.dtd", format.name()), cause);
    }

    /** A cell, row or column count beyond the limits, at a sheet and row (the exception's own row if it has one). */
    static TooLargeFileException tooLarge(SpreadsheetFormat format, LimitExceededException ex, String sheet, int row) {
        int at = ex.rowNumber() > 0 ? ex.rowNumber() : row;
        String key = switch (ex.limit()) {
            case CELL -> "workbook.limit.cell";
            case LINE -> "workbook.limit.line";
            case COLUMNS -> "workbook.limit.columns";
        };
        return new TooLargeFileException(Messages.get(key, format.name(), sheet, at, ex.maximum()), ex);
    }

    /**
     * What a failure met while reading a sheet means to the office: a limit, a DTD or a bomb by its
     * name, anything else as the sheet being damaged around the row.
     */
    static UnreadableFileException whileReading(SpreadsheetFormat format, Throwable ex, String sheet, int row) {
        if (ex instanceof LimitExceededException limit) {
            return tooLarge(format, limit, sheet, row);
        }
        if (ex instanceof XmlSafety.DtdRefusedException) {
            return dtdRefused(format, ex);
        }
        if (isZipBomb(ex)) {
            return zipBomb(format, ex);
        }
        return sheet == null ? damaged(format, ex) : damagedAt(format, sheet, row, ex);
    }

    /** POI's zip-bomb guard says so only in its message. */
    static boolean isZipBomb(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile"))) {
                return true;
            }
        }
        return false;
    }
}
