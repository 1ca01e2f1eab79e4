package org.gugus.intake.job;

import java.util.stream.Collectors;
import org.gugus.intake.FileError;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.workbook.TooLargeFileException;
import org.gugus.workbook.UnreadableFileException;

/**
 * The file-level errors of the template, each saying what is wrong and what the office should do;
 * the words are in {@code messages/intake*.properties} under {@code intake.file.*}.
 */
final class FileErrors {

    private FileErrors() {
    }

    /** F_TOO_LARGE for a decompression bomb, F_UNREADABLE for anything else the readers refuse. */
    static FileError of(String fileName, UnreadableFileException e) {
        if (e instanceof TooLargeFileException) {
            return error("F_TOO_LARGE", "intake.file.too-large", fileName, reason(e));
        }
        return unreadable(fileName, e);
    }

    static FileError unreadable(String fileName, UnreadableFileException e) {
        return error("F_UNREADABLE", "intake.file.unreadable", fileName, reason(e));
    }

    static FileError empty(String fileName) {
        return error("F_EMPTY", "intake.file.empty", fileName);
    }

    static FileError noDataRows(String fileName) {
        return error("F_EMPTY", "intake.file.no-data-rows", fileName);
    }

    static FileError noHeader(String fileName, int searchedRows) {
        return error("F_NO_HEADER", "intake.file.no-header", fileName, searchedRows);
    }

    static FileError missingColumns(String fileName, HeaderSearch.MissingColumns missing) {
        String fields = missing.missing().stream().map(Field::key).collect(Collectors.joining(", "));
        return error("F_MISSING_COLUMN", "intake.file.missing-columns", missing.sheet(), fileName, missing.rowNumber(),
                fields);
    }

    static FileError tooManyRows(String fileName, long maxRows) {
        return error("F_TOO_LARGE", "intake.file.too-many-rows", fileName, maxRows);
    }

    /** What the reader said, in its two languages. */
    private static Message reason(UnreadableFileException e) {
        return new Message(e.messageId(), e.messageEn());
    }

    private static FileError error(String code, String key, Object... arguments) {
        Message message = Messages.get(key, arguments);
        return new FileError(code, message.id(), message.en());
    }
}
