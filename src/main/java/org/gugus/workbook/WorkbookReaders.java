package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gugus.system.Messages;

/**
 * Opens a delivered file as a {@link WorkbookReader}, choosing the format from the file's content:
 * offices rename files freely, so an extension is only a hint and is never trusted.
 *
 * <p>Readers return only rows that hold at least one value; row numbers keep their gaps, as a person
 * sees them in Excel. A file that is not a spreadsheet we can read fails with an
 * {@link UnreadableFileException} saying what was found and what the office should do; a file
 * with no bytes fails with its subclass {@link EmptyFileException}, a decompression bomb with
 * {@link TooLargeFileException}.
 */
public final class WorkbookReaders {

    private static final int SNIFF_BYTES = 8 * 1024;

    private static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

    private static final String ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

    private WorkbookReaders() {
    }

    /**
     * Opens {@code file} for reading.
     *
     * @param file the stored file
     * @param originalName the name the office gave the file; a CSV's only sheet is named after it
     */
    public static WorkbookReader open(Path file, String originalName) throws UnreadableFileException {
        return open(file, originalName, WorkbookLimits.DEFAULTS);
    }

    /**
     * Opens {@code file} for reading within {@code limits}: a cell, a row or a row's columns beyond
     * them end the read with a {@link TooLargeFileException}.
     *
     * @param file the stored file
     * @param originalName the name the office gave the file; a CSV's only sheet is named after it
     * @param limits how much a cell and a row may hold
     */
    public static WorkbookReader open(Path file, String originalName, WorkbookLimits limits)
            throws UnreadableFileException {
        SpreadsheetFormat format = detect(file);
        return switch (format) {
            // The XLSX parser is the costliest, and a re-delivered CSV's rows are mostly repeats that cost
            // little else: their rows are read on a second core (RowReadAhead).
            case CSV -> new RowReadAhead(CsvWorkbookReader.open(file, csvSheetName(file, originalName), limits));
            case XLSX -> new RowReadAhead(XlsxWorkbookReader.open(file, limits));
            case XLS -> XlsWorkbookReader.open(file, limits);
            case ODS -> OdsWorkbookReader.open(file, limits);
        };
    }

    /** The format of {@code file}, judged from its content; anything that is not a spreadsheet is refused. */
    public static SpreadsheetFormat detect(Path file) throws UnreadableFileException {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new EmptyFileException();
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return detectZip(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return detectOle2(file);
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw WorkbookErrors.refused("workbook.file.pdf");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)) {
            throw WorkbookErrors.refused("workbook.file.picture");
        }
        if (startsWith(head, 'R', 'a', 'r', '!') || startsWith(head, '7', 'z', 0xBC, 0xAF)
                || startsWith(head, 0x1F, 0x8B)) {
            throw WorkbookErrors.refused("workbook.file.archive");
        }
        return detectText(head);
    }

    private static SpreadsheetFormat detectZip(Path file) throws UnreadableFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") != null || declaresSpreadsheetMl(zip)) {
                return SpreadsheetFormat.XLSX;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                String type;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                }
                if (type.equals(ODS_MIMETYPE)) {
                    return SpreadsheetFormat.ODS;
                }
                throw WorkbookErrors.refused("workbook.file.opendocument", type);
            }
            if (zip.getEntry("xl/workbook.bin") != null) {
                throw WorkbookErrors.refused("workbook.file.xlsb");
            }
            if (zip.getEntry("word/document.xml") != null) {
                throw WorkbookErrors.refused("workbook.file.docx");
            }
            throw WorkbookErrors.refused("workbook.file.zip");
        }
        catch (ZipException ex) {
            throw looksDamaged("workbook.kind.zip", ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // Some generators store the workbook part under another name; the content types still say what it is.
    private static boolean declaresSpreadsheetMl(ZipFile zip) throws IOException {
        ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
        if (contentTypes == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(contentTypes)) {
            String types = new String(in.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
            return types.contains("spreadsheetml.sheet.main+xml")
                    || types.contains("spreadsheetml.template.main+xml")
                    || types.contains("ms-excel.sheet.macroEnabled.main+xml");
        }
    }

    private static SpreadsheetFormat detectOle2(Path file) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                throw WorkbookErrors.passwordProtected("Excel", null);
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return SpreadsheetFormat.XLS;
            }
            if (root.hasEntry("WordDocument")) {
                throw WorkbookErrors.refused("workbook.file.doc");
            }
            throw WorkbookErrors.refused("workbook.file.ole2");
        }
        catch (IOException | RuntimeException ex) {
            throw looksDamaged("workbook.kind.ole2", ex);
        }
    }

    private static SpreadsheetFormat detectText(byte[] head) throws UnreadableFileException {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw WorkbookErrors.refused("workbook.file.utf16");
        }
        if (!looksLikeText(head)) {
            throw WorkbookErrors.refused("workbook.file.binary");
        }
        String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")) {
            throw WorkbookErrors.refused("workbook.file.html");
        }
        if (start.startsWith("<?xml")) {
            boolean spreadsheetMl2003 = new String(head, StandardCharsets.ISO_8859_1)
                    .contains("urn:schemas-microsoft-com:office:spreadsheet");
            throw WorkbookErrors.refused(spreadsheetMl2003 ? "workbook.file.xml-spreadsheet" : "workbook.file.xml");
        }
        return SpreadsheetFormat.CSV;
    }

    /**
     * Text if there are no NUL bytes, next to no control characters, and the bytes are valid UTF-8
     * or plausible Windows-1252 (whose five undefined bytes do not occur in real text).
     */
    private static boolean looksLikeText(byte[] head) {
        boolean utf8 = isUtf8Prefix(head);
        int suspicious = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
            boolean undefinedIn1252 = c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
            if (control || (!utf8 && undefinedIn1252)) {
                suspicious++;
            }
        }
        return suspicious * 100 <= head.length;
    }

    // Valid UTF-8, allowing a character cut off by the end of the sample.
    private static boolean isUtf8Prefix(byte[] head) {
        return Utf8Bytes.wellFormedUpTo(head, head.length, false) >= 0;
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String csvSheetName(Path file, String originalName) {
        String name = originalName == null || originalName.isBlank() ? file.getFileName().toString() : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static UnreadableFileException looksDamaged(String kindKey, Exception cause) {
        return new UnreadableFileException(Messages.get("workbook.file.looks-damaged", Messages.get(kindKey)), cause);
    }
}
