package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Streams an OpenDocument spreadsheet (ODS, LibreOffice Calc) one row at a time by pulling
 * {@code content.xml} with StAX. ODS compresses runs of identical rows and cells into one element
 * with a repeat count; a run of empty rows or cells only moves the row or column number on and is
 * never materialised (LibreOffice ends a sheet with an empty row repeated a million times), while
 * a run of rows with values gives each row. Spans are written on the anchor cell, so merged values
 * are filled in as they are met. The archive is opened with POI's zip-bomb limits.
 */
final class OdsWorkbookReader implements WorkbookReader {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private final ZipSecureFile zip;

    private final InputStream content;

    private final XMLStreamReader xml;

    private String sheetName;

    private MergedCells merged;

    private int rowNumber;

    private List<CellValue> repeatedCells;

    private int repeatsLeft;

    private final RowBuilder row;

    private OdsWorkbookReader(ZipSecureFile zip, InputStream content, XMLStreamReader xml, WorkbookLimits limits) {
        this.row = new RowBuilder(limits);
        this.zip = zip;
        this.content = content;
        this.xml = xml;
    }

    static OdsWorkbookReader open(Path file) throws UnreadableFileException {
        return open(file, WorkbookLimits.DEFAULTS);
    }

    static OdsWorkbookReader open(Path file, WorkbookLimits limits) throws UnreadableFileException {
        ZipSecureFile zip = null;
        InputStream content = null;
        try {
            zip = new ZipSecureFile(file.toFile());
            if (isEncrypted(zip)) {
                throw WorkbookErrors.passwordProtected(SpreadsheetFormat.ODS.name(), null);
            }
            ZipArchiveEntry entry = zip.getEntry("content.xml");
            if (entry == null) {
                throw WorkbookErrors.damaged(SpreadsheetFormat.ODS, null);
            }
            content = zip.getInputStream(entry);
            XMLInputFactory xmlInput = XmlSafety.xmlInput();
            return new OdsWorkbookReader(zip, content, xmlInput.createXMLStreamReader(content), limits);
        }
        catch (UnreadableFileException ex) {
            close(content, zip);
            throw ex;
        }
        catch (IOException | XMLStreamException | RuntimeException ex) {
            close(content, zip);
            throw WorkbookErrors.whileReading(SpreadsheetFormat.ODS, ex, null, 0);
        }
    }

    private static boolean isEncrypted(ZipSecureFile zip) throws IOException {
        ZipArchiveEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(manifest)) {
            String text = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
            return text.contains("encryption-data");
        }
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.ODS;
    }

    @Override
    public SheetRow next() throws UnreadableFileException {
        try {
            while (true) {
                if (repeatsLeft > 0) {
                    repeatsLeft--;
                    rowNumber++;
                    List<CellValue> cells = merged.apply(rowNumber, new ArrayList<>(repeatedCells));
                    return new SheetRow(sheetName, rowNumber, cells);
                }
                if (!xml.hasNext()) {
                    return null;
                }
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XmlSafety.DtdRefusedException();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("table") && TABLE.equals(xml.getNamespaceURI())) {
                        sheetName = xml.getAttributeValue(TABLE, "name");
                        merged = new MergedCells();
                        rowNumber = 0;
                    }
                    else if (name.equals("table-row") && sheetName != null) {
                        SheetRow row = readRow();
                        if (row != null) {
                            return row;
                        }
                    }
                    else if (isSkipped(name)) {
                        XlsxWorkbookReader.skipElement(xml);
                    }
                }
                else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("table")
                        && TABLE.equals(xml.getNamespaceURI())) {
                    sheetName = null;
                }
            }
        }
        catch (XMLStreamException | RuntimeException ex) {
            throw WorkbookErrors.whileReading(SpreadsheetFormat.ODS, ex, sheetName, rowNumber + 1);
        }
    }

    // Column definitions, shapes and the like hold no cells; skipping them keeps the row loop simple.
    private static boolean isSkipped(String name) {
        return switch (name) {
            case "table-columns", "table-column", "table-header-columns", "table-column-group", "shapes",
                    "named-expressions", "database-ranges", "data-pilot-tables", "content-validations",
                    "table-source", "scenario", "forms", "dde-links", "calculation-settings", "label-ranges" ->
                true;
            default -> false;
        };
    }

    /** Reads from a {@code <table:table-row>} start tag to its end tag. */
    private SheetRow readRow() throws XMLStreamException {
        int repeated = count(xml.getAttributeValue(TABLE, "number-rows-repeated"));
        int first = rowNumber + 1;
        List<MergedCells.Range> spans = new ArrayList<>();
        int column = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("table-cell") || name.equals("covered-table-cell")) {
                    int columns = count(xml.getAttributeValue(TABLE, "number-columns-repeated"));
                    int rowsSpanned = count(xml.getAttributeValue(TABLE, "number-rows-spanned"));
                    if (rowsSpanned > 1 && name.equals("table-cell")) {
                        spans.add(new MergedCells.Range(first, first + rowsSpanned - 1, column));
                    }
                    // A covered cell is hidden under a merged range: a person sees the range's value, not
                    // what LibreOffice may have kept underneath.
                    CellValue value = name.equals("table-cell") ? readCell() : skipCell();
                    if (!value.isBlank()) {
                        for (long c = column; c < (long) column + columns; c++) {
                            row.put((int) Math.min(c, Integer.MAX_VALUE), value);
                        }
                    }
                    column = (int) Math.min((long) column + columns, Integer.MAX_VALUE);
                }
                else {
                    XlsxWorkbookReader.skipElement(xml);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("table-row")) {
                break;
            }
        }
        spans.forEach(merged::add);
        List<CellValue> cells = row.finish();
        if (cells.isEmpty()) {
            // An empty run only moves the row number on, however long it claims to be.
            merged.apply(first, cells);
            rowNumber = (int) Math.min((long) rowNumber + repeated, Integer.MAX_VALUE);
            return null;
        }
        rowNumber = first;
        List<CellValue> filled = merged.apply(rowNumber, new ArrayList<>(cells));
        if (repeated > 1) {
            repeatedCells = cells;
            repeatsLeft = repeated - 1;
        }
        return new SheetRow(sheetName, rowNumber, filled);
    }

    /** Reads from a cell's start tag to its end tag. */
    private CellValue readCell() throws XMLStreamException {
        String type = xml.getAttributeValue(OFFICE, "value-type");
        String value = xml.getAttributeValue(OFFICE, "value");
        String dateValue = xml.getAttributeValue(OFFICE, "date-value");
        String booleanValue = xml.getAttributeValue(OFFICE, "boolean-value");
        String stringValue = xml.getAttributeValue(OFFICE, "string-value");
        StringBuilder text = new StringBuilder();
        boolean firstParagraph = true;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("p") && TEXT.equals(xml.getNamespaceURI())) {
                    if (!firstParagraph) {
                        row.checkCell(text.length() + 1L);
                        text.append('\n');
                    }
                    firstParagraph = false;
                    readText(text);
                }
                else {
                    // Comments (office:annotation), pictures and the like are not the cell's value.
                    XlsxWorkbookReader.skipElement(xml);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (type == null) {
            return CellText.text(text.toString());
        }
        return switch (type) {
            case "float", "percentage", "currency" -> number(value, text);
            case "date" -> date(dateValue, text);
            case "boolean" -> CellNumbers.bool("true".equals(booleanValue));
            case "string" -> CellText.text(stringValue != null && text.isEmpty() ? stringValue : text.toString());
            default -> CellText.text(text.toString());
        };
    }

    private CellValue skipCell() throws XMLStreamException {
        XlsxWorkbookReader.skipElement(xml);
        return CellValue.BLANK;
    }

    /** Reads the text of a paragraph (or of a span in it) up to its end tag. */
    private void readText(StringBuilder text) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                row.checkCell((long) text.length() + xml.getTextLength());
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
            else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "s" -> {
                        int spaces = Math.min(count(xml.getAttributeValue(TEXT, "c")), 1000);
                        row.checkCell((long) text.length() + spaces);
                        for (int i = 0; i < spaces; i++) {
                            text.append(' ');
                        }
                        XlsxWorkbookReader.skipElement(xml);
                    }
                    case "tab" -> {
                        row.checkCell(text.length() + 1L);
                        text.append('\t');
                        XlsxWorkbookReader.skipElement(xml);
                    }
                    case "line-break" -> {
                        row.checkCell(text.length() + 1L);
                        text.append('\n');
                        XlsxWorkbookReader.skipElement(xml);
                    }
                    case "note", "annotation", "ruby-text" -> XlsxWorkbookReader.skipElement(xml);
                    default -> readText(text);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    private static CellValue number(String value, CharSequence shown) {
        if (value == null) {
            return CellText.text(shown.toString());
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return CellValue.number(number, CellNumbers.asShown(number));
            }
        }
        catch (NumberFormatException ex) {
            // shown as text below
        }
        return CellText.text(shown.toString());
    }

    private static CellValue date(String value, CharSequence shown) {
        if (value != null) {
            String local = value.strip();
            try {
                return CellValue.date(local.contains("T") ? LocalDateTime.parse(local.length() > 19
                        && local.charAt(19) != '.' ? local.substring(0, 19) : local)
                        : LocalDate.parse(local).atStartOfDay());
            }
            catch (DateTimeParseException ex) {
                // shown as text below
            }
        }
        return CellText.text(shown.toString());
    }

    private static int count(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        }
        catch (XMLStreamException ex) {
            // Read-only: nothing is lost.
        }
        close(content, zip);
    }

    private static void close(InputStream content, ZipSecureFile zip) {
        try {
            if (content != null) {
                content.close();
            }
            if (zip != null) {
                zip.close();
            }
        }
        catch (IOException ex) {
            // Read-only: nothing is lost.
        }
    }
}
