package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
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

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.gugus.system.Messages;

/**
 * Streams an XLSX workbook one row at a time, sheet after sheet in workbook order, by pulling each
 * sheet's XML with StAX. The workbook object model is never built: a cumulative yearly workbook can
 * hold tens of thousands of rows. The styles are kept in memory, the shared strings in a temporary
 * file ({@link SpilledSharedStrings}). Merged ranges are written after the rows, so each sheet is
 * first scanned for them alone ({@link MergedCells}). POI's zip-bomb limits stay at their defaults;
 * a part that inflates like a bomb is refused as {@link TooLargeFileException}.
 */
final class XlsxWorkbookReader implements WorkbookReader {

    private final OPCPackage pkg;

    private final SpilledSharedStrings strings;

    private final StylesTable styles;

    private final boolean date1904;

    private final XSSFReader.SheetIterator sheets;

    private final XMLInputFactory xmlInput;

    private final DateFormats dateFormats = new DateFormats();

    private final RowBuilder row;

    private String sheetName;

    private MergedCells merged = MergedCells.of(List.of());

    private InputStream sheetStream;

    private XMLStreamReader xml;

    private int lastRowNumber;

    private XlsxWorkbookReader(OPCPackage pkg, SpilledSharedStrings strings, StylesTable styles, boolean date1904,
            XSSFReader.SheetIterator sheets, XMLInputFactory xmlInput, WorkbookLimits limits) {
        this.pkg = pkg;
        this.row = new RowBuilder(limits);
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.sheets = sheets;
        this.xmlInput = xmlInput;
    }

    static XlsxWorkbookReader open(Path file) throws UnreadableFileException {
        return open(file, WorkbookLimits.DEFAULTS);
    }

    static XlsxWorkbookReader open(Path file, WorkbookLimits limits) throws UnreadableFileException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        }
        catch (OpenXML4JException | RuntimeException ex) {
            throw unreadable(ex);
        }
        try {
            XMLInputFactory xmlInput = XmlSafety.xmlInput();
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = usesDate1904(reader, xmlInput);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetIterator();
            SpilledSharedStrings strings = sharedStrings(pkg, xmlInput, limits);
            return new XlsxWorkbookReader(pkg, strings, styles, date1904, sheets, xmlInput, limits);
        }
        catch (LimitExceededException ex) {
            pkg.revert();
            throw new TooLargeFileException(
                    Messages.get("workbook.limit.shared-text", SpreadsheetFormat.XLSX.name(), ex.maximum()), ex);
        }
        catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException ex) {
            pkg.revert();
            throw unreadable(ex);
        }
    }

    private static SpilledSharedStrings sharedStrings(OPCPackage pkg, XMLInputFactory xmlInput, WorkbookLimits limits)
            throws IOException, OpenXML4JException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SpilledSharedStrings.empty();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return SpilledSharedStrings.read(in, xmlInput, new RowBuilder(limits));
        }
    }

    // Workbooks made on old Macs count dates from 1904; reading them as 1900 shifts every date by four years.
    private static boolean usesDate1904(XSSFReader reader, XMLInputFactory xmlInput)
            throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader workbook = xmlInput.createXMLStreamReader(in);
            try {
                while (workbook.hasNext()) {
                    if (workbook.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = workbook.getLocalName();
                        if (name.equals("workbookPr")) {
                            String value = workbook.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (name.equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            }
            finally {
                workbook.close();
            }
        }
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.XLSX;
    }

    @Override
    public SheetRow next() throws UnreadableFileException {
        try {
            while (xml != null || openNextSheet()) {
                SheetRow sheetRow = nextRowOfSheet();
                if (sheetRow == null) {
                    closeSheet();
                }
                else if (!sheetRow.cells().isEmpty()) {
                    return sheetRow;
                }
            }
            return null;
        }
        catch (XMLStreamException | IOException | RuntimeException ex) {
            int rowNumber = ex instanceof LimitExceededException ? lastRowNumber : lastRowNumber + 1;
            throw WorkbookErrors.whileReading(SpreadsheetFormat.XLSX, ex, sheetName, rowNumber);
        }
    }

    private boolean openNextSheet() throws XMLStreamException, IOException {
        if (!sheets.hasNext()) {
            return false;
        }
        sheetStream = sheets.next();
        sheetName = sheets.getSheetName();
        lastRowNumber = 0;
        merged = MergedCells.of(mergedRanges(sheets.getSheetPart()));
        xml = xmlInput.createXMLStreamReader(sheetStream);
        return true;
    }

    /**
     * The merged ranges of a sheet, from a first pass over its XML that only looks for them: they
     * come after the rows, and the rows must not be held in memory meanwhile.
     */
    private List<MergedCells.Range> mergedRanges(PackagePart sheet) throws XMLStreamException, IOException {
        List<MergedCells.Range> ranges = new ArrayList<>();
        try (InputStream in = sheet.getInputStream()) {
            XMLStreamReader scan = xmlInput.createXMLStreamReader(in);
            try {
                while (scan.hasNext()) {
                    int event = scan.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new XmlSafety.DtdRefusedException();
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = scan.getLocalName();
                        if (name.equals("sheetData")) {
                            skipElement(scan);
                        }
                        else if (name.equals("mergeCell")) {
                            MergedCells.Range range = MergedCells.Range.parse(scan.getAttributeValue(null, "ref"));
                            if (range != null) {
                                ranges.add(range);
                            }
                        }
                    }
                }
            }
            finally {
                scan.close();
            }
        }
        return ranges;
    }

    private SheetRow nextRowOfSheet() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                return readRow();
            }
            if (event == XMLStreamConstants.DTD) {
                throw new XmlSafety.DtdRefusedException();
            }
        }
        return null;
    }

    private SheetRow readRow() throws XMLStreamException {
        int rowNumber = parsePositive(xml.getAttributeValue(null, "r"), lastRowNumber + 1);
        lastRowNumber = rowNumber;
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                column = columnOf(xml.getAttributeValue(null, "r"), column + 1);
                row.put(column, readCell());
            }
            else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        List<CellValue> cells = row.finish();
        if (!cells.isEmpty() && !merged.isEmpty()) {
            merged.apply(rowNumber, cells);
        }
        return new SheetRow(sheetName, rowNumber, cells);
    }

    /** Reads from a {@code <c>} start tag to its end tag. */
    private CellValue readCell() throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        int style = parsePositive(xml.getAttributeValue(null, "s"), 0);
        String raw = null;
        String inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> raw = XmlSafety.elementText(xml, row);
                    case "is" -> inline = readInlineString();
                    default -> skipElement();
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
        }
        return cellValue(type == null ? "n" : type, style, raw, inline);
    }

    private CellValue cellValue(String type, int style, String raw, String inline) {
        if (type.equals("inlineStr")) {
            return CellText.text(unescape(inline != null ? inline : raw));
        }
        if (raw == null || raw.isBlank()) {
            return CellValue.BLANK;
        }
        return switch (type) {
            case "s" -> CellText.text(strings.get(Integer.parseInt(raw.strip())));
            case "str" -> CellText.text(unescape(raw));
            case "b" -> CellNumbers.bool(raw.strip().equals("1") || raw.strip().equalsIgnoreCase("true"));
            case "e" -> CellNumbers.error(raw.strip());
            case "d" -> isoDate(raw.strip());
            default -> number(raw.strip(), style);
        };
    }

    private CellValue number(String raw, int style) {
        double value;
        try {
            value = Double.parseDouble(raw);
        }
        catch (NumberFormatException ex) {
            return CellText.text(raw);
        }
        if (!Double.isFinite(value)) {
            return CellText.text(raw);
        }
        return CellNumbers.number(value, isDateStyle(style), date1904);
    }

    /**
     * Decodes OOXML's escapes of characters XML cannot carry: Excel writes a control character as
     * {@code _x0000_} (four hex digits) and a literal "_x" as {@code _x005F_x}. Decoded, a NUL comes
     * back as itself and is then taken out where every reader cleans text ({@link CellText}).
     */
    static String unescape(String text) {
        if (text == null || text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 7 <= text.length() && text.charAt(i) == '_' && text.charAt(i + 1) == 'x' && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                decoded.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
                i += 7;
            }
            else {
                decoded.append(text.charAt(i++));
            }
        }
        return decoded.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    // Strict OOXML writes dates as ISO text (t="d") rather than serial numbers.
    private static CellValue isoDate(String raw) {
        String local = raw.endsWith("Z") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            return CellValue.date(
                    local.contains("T") ? LocalDateTime.parse(local) : LocalDate.parse(local).atStartOfDay());
        }
        catch (DateTimeParseException ex) {
            return CellText.text(raw);
        }
    }

    private boolean isDateStyle(int style) {
        return dateFormats.isDate(style, index -> {
            if (styles == null) {
                return null;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            if (cellStyle == null) {
                return null;
            }
            String pattern = cellStyle.getDataFormatString();
            return new DateFormats.NumberFormat(cellStyle.getDataFormat(),
                    pattern != null ? pattern : BuiltinFormats.getBuiltinFormat(cellStyle.getDataFormat()));
        });
    }

    /** Reads from an {@code <is>} start tag to its end tag, leaving out phonetic runs. */
    private String readInlineString() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phoneticDepth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phoneticDepth++;
                }
                else if (xml.getLocalName().equals("t") && phoneticDepth == 0) {
                    XmlSafety.appendElementText(xml, text, row);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phoneticDepth--;
                }
                else if (xml.getLocalName().equals("is")) {
                    break;
                }
            }
        }
        return text.toString();
    }

    private void skipElement() throws XMLStreamException {
        skipElement(xml);
    }

    static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The 0-based column of a cell reference such as "C5" (2), or {@code fallback} if there is none. */
    static int columnOf(String reference, int fallback) {
        if (reference == null || reference.isEmpty()) {
            return fallback;
        }
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? fallback : column - 1;
    }

    private static int parsePositive(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }

    private void closeSheet() throws XMLStreamException, IOException {
        try {
            xml.close();
        }
        finally {
            xml = null;
            sheetStream.close();
        }
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                closeSheet();
            }
        }
        catch (XMLStreamException | IOException ex) {
            // Nothing is lost: the package is read-only and is released below either way.
        }
        finally {
            strings.close();
            pkg.revert();
        }
    }

    private static UnreadableFileException unreadable(Exception ex) {
        return WorkbookErrors.whileReading(SpreadsheetFormat.XLSX, ex, null, 0);
    }
}
