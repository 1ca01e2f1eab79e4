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

    private WorkbookXml xml;

    /** Shared strings, by index from the first, whose cells are kept once made ({@link #sharedText}). */
    static final int KEPT_STRINGS = 4096;

    /** The longest text of a kept shared string's cell: the kept cells stay under a megabyte. */
    static final int KEPT_STRING_CHARS = 64;

    private final CellValue[] keptStrings = new CellValue[KEPT_STRINGS];

    /** The text of the current {@code <v>}, reused from cell to cell. */
    private final StringBuilder value = new StringBuilder();

    private int lastRowNumber;

    private final MergedRangeScans mergedRanges;

    private int sheetIndex;

    private XlsxWorkbookReader(OPCPackage pkg, SpilledSharedStrings strings, StylesTable styles, boolean date1904,
            XSSFReader.SheetIterator sheets, MergedRangeScans mergedRanges, XMLInputFactory xmlInput,
            WorkbookLimits limits) {
        this.pkg = pkg;
        this.mergedRanges = mergedRanges;
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
        MergedRangeScans mergedRanges = null;
        try {
            XMLInputFactory xmlInput = XmlSafety.xmlInput();
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = usesDate1904(reader, xmlInput);
            mergedRanges = new MergedRangeScans(sheetParts(reader));
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetIterator();
            SpilledSharedStrings strings = sharedStrings(pkg, limits);
            return new XlsxWorkbookReader(pkg, strings, styles, date1904, sheets, mergedRanges, xmlInput, limits);
        }
        catch (LimitExceededException ex) {
            close(mergedRanges);
            pkg.revert();
            throw new TooLargeFileException(
                    Messages.get("workbook.limit.shared-text", SpreadsheetFormat.XLSX.name(), ex.maximum()), ex);
        }
        catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException ex) {
            close(mergedRanges);
            pkg.revert();
            throw unreadable(ex);
        }
    }

    private static void close(MergedRangeScans mergedRanges) {
        if (mergedRanges != null) {
            mergedRanges.close();
        }
    }

    /** The sheets' parts in workbook order, as the sheet iterator gives them. */
    private static List<PackagePart> sheetParts(XSSFReader reader) throws IOException, OpenXML4JException {
        List<PackagePart> parts = new ArrayList<>();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream unread = sheets.next()) {
                parts.add(sheets.getSheetPart());
            }
        }
        return parts;
    }

    private static SpilledSharedStrings sharedStrings(OPCPackage pkg, WorkbookLimits limits)
            throws IOException, OpenXML4JException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SpilledSharedStrings.empty();
        }
        try (InputStream in = new PartReadAhead(parts.get(0).getInputStream())) {
            return SpilledSharedStrings.read(in, new RowBuilder(limits));
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
        sheetStream = new PartReadAhead(sheets.next());
        sheetName = sheets.getSheetName();
        lastRowNumber = 0;
        merged = MergedCells.of(mergedRanges.of(sheetIndex++));
        xml = new WorkbookXml(sheetStream);
        return true;
    }

    private SheetRow nextRowOfSheet() throws XMLStreamException, IOException {
        while (true) {
            int event = xml.next();
            if (event == WorkbookXml.END_OF_PART) {
                return null;
            }
            if (event == WorkbookXml.START && xml.isNamed("row")) {
                return readRow();
            }
        }
    }

    private SheetRow readRow() throws XMLStreamException, IOException {
        int rowNumber = xml.findAttribute("r") ? attributeNumber(lastRowNumber + 1) : lastRowNumber + 1;
        lastRowNumber = rowNumber;
        int column = -1;
        while (true) {
            int event = xml.next();
            if (event == WorkbookXml.START && xml.isNamed("c")) {
                column = xml.findAttribute("r") ? attributeColumn(column + 1) : column + 1;
                row.put(column, readCell());
            }
            else if (event == WorkbookXml.END && xml.isNamed("row")) {
                break;
            }
        }
        List<CellValue> cells = row.finish();
        if (!cells.isEmpty() && !merged.isEmpty()) {
            merged.apply(rowNumber, cells);
        }
        return new SheetRow(sheetName, rowNumber, cells);
    }

    /** The found attribute as a whole number, as {@link #parsePositive} reads it. */
    private int attributeNumber(int fallback) throws XMLStreamException {
        int length = xml.attributeLength();
        if (length > 0 && length < 10) {
            int value = 0;
            for (int i = 0; i < length; i++) {
                int digit = xml.attributeByte(i) - '0';
                if (digit < 0 || digit > 9) {
                    return parsePositive(xml.attributeValue(), fallback);
                }
                value = value * 10 + digit;
            }
            return value;
        }
        return parsePositive(xml.attributeValue(), fallback);
    }

    /** The column of the found cell reference, as {@link #columnOf} reads it. */
    private int attributeColumn(int fallback) throws XMLStreamException {
        int length = xml.attributeLength();
        int column = 0;
        int i = 0;
        while (i < length && i < 4) {
            int b = xml.attributeByte(i);
            if (b >= 'A' && b <= 'Z') {
                column = column * 26 + (b - 'A' + 1);
            }
            else if (b >= '0' && b <= '9' && i > 0) {
                return column - 1;
            }
            else {
                break;
            }
            i++;
        }
        return columnOf(xml.attributeValue(), fallback);
    }

    /** Reads from a {@code <c>} start tag to its end tag. */
    private CellValue readCell() throws XMLStreamException, IOException {
        String type = xml.findAttribute("t") ? cellType() : "n";
        int style = xml.findAttribute("s") ? attributeNumber(0) : 0;
        boolean hasValue = false;
        String inline = null;
        while (true) {
            int event = xml.next();
            if (event == WorkbookXml.START) {
                if (xml.isNamed("v")) {
                    value.setLength(0);
                    xml.appendElementText(value, row);
                    hasValue = true;
                }
                else if (xml.isNamed("is")) {
                    inline = readInlineString();
                }
                else {
                    xml.skipElement();
                }
            }
            else if (event == WorkbookXml.END && xml.isNamed("c")) {
                break;
            }
        }
        return cellValue(type, style, hasValue ? value : null, inline);
    }

    /** The cell type of the found attribute, without a new string for the one-letter types. */
    private String cellType() throws XMLStreamException {
        if (xml.attributeLength() == 1) {
            switch (xml.attributeByte(0)) {
                case 's':
                    return "s";
                case 'n':
                    return "n";
                default:
                    break;
            }
        }
        return xml.attributeValue();
    }

    private CellValue cellValue(String type, int style, CharSequence raw, String inline) {
        if (type.equals("inlineStr")) {
            return CellText.text(unescape(inline != null ? inline : raw == null ? null : raw.toString()));
        }
        if (raw == null || isBlank(raw)) {
            return CellValue.BLANK;
        }
        if (type.equals("s")) {
            return sharedText(sharedIndex(raw));
        }
        if (type.equals("n")) {
            return number(raw, style);
        }
        String text = raw.toString();
        return switch (type) {
            case "str" -> CellText.text(unescape(text));
            case "b" -> CellNumbers.bool(text.strip().equals("1") || text.strip().equalsIgnoreCase("true"));
            case "e" -> CellNumbers.error(text.strip());
            case "d" -> isoDate(text.strip());
            default -> number(text.strip(), style);
        };
    }

    /**
     * The cell of a shared string. The first {@value #KEPT_STRINGS} strings of a workbook are its
     * first rows' texts, which later rows repeat (a sex, a regency, a form of exploitation, a report
     * date): a short one is made a cell once and that cell given to every row that shows it (a cell is
     * a value, never changed), instead of a string and a cell for each (a million-row sheet made
     * some nine of each a row, garbage the collector then met beside the blocks being judged).
     */
    private CellValue sharedText(int index) {
        if (index < 0 || index >= KEPT_STRINGS) {
            return CellText.text(strings.get(index));
        }
        CellValue kept = keptStrings[index];
        if (kept == null) {
            kept = CellText.text(strings.get(index));
            if (kept.text().length() <= KEPT_STRING_CHARS) {
                keptStrings[index] = kept;
            }
        }
        return kept;
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A shared string's index: plain digits read in place, anything else as {@link Integer#parseInt} reads it. */
    private static int sharedIndex(CharSequence raw) {
        int length = raw.length();
        if (length > 0 && length < 10) {
            int index = 0;
            for (int i = 0; i < length; i++) {
                int digit = raw.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    return Integer.parseInt(raw.toString().strip());
                }
                index = index * 10 + digit;
            }
            return index;
        }
        return Integer.parseInt(raw.toString().strip());
    }

    /**
     * A number cell: whole numbers of up to 15 digits, also as written with a fraction of zeros
     * ("16.0", as POI writes them), are read in place; any other text by {@link Double#parseDouble}.
     */
    private CellValue number(CharSequence raw, int style) {
        int length = raw.length();
        int from = length > 0 && raw.charAt(0) == '-' ? 1 : 0;
        int end = length;
        int point = indexOf(raw, '.');
        if (point > from) {
            end = point;
            for (int i = point + 1; i < length; i++) {
                if (raw.charAt(i) != '0') {
                    return number(raw.toString().strip(), style);
                }
            }
        }
        if (end > from && end - from <= 15) {
            long whole = 0;
            for (int i = from; i < end; i++) {
                int digit = raw.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    return number(raw.toString().strip(), style);
                }
                whole = whole * 10 + digit;
            }
            return CellNumbers.number(from == 1 ? -(double) whole : (double) whole, isDateStyle(style), date1904);
        }
        return number(raw.toString().strip(), style);
    }

    private static int indexOf(CharSequence text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
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
        Boolean known = dateFormats.known(style);
        if (known != null) {
            return known; // every number cell asks: answered without the function below
        }
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
    private String readInlineString() throws XMLStreamException, IOException {
        StringBuilder text = new StringBuilder();
        int phoneticDepth = 0;
        while (true) {
            int event = xml.next();
            if (event == WorkbookXml.START) {
                if (xml.isNamed("rPh")) {
                    phoneticDepth++;
                }
                else if (xml.isNamed("t") && phoneticDepth == 0) {
                    xml.appendElementText(text, row);
                }
            }
            else if (event == WorkbookXml.END) {
                if (xml.isNamed("rPh")) {
                    phoneticDepth--;
                }
                else if (xml.isNamed("is")) {
                    break;
                }
            }
        }
        return text.toString();
    }

    /** Reads past the end tag of the current element of a StAX reader (the ODS reader's). */
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

    private void closeSheet() throws IOException {
        xml = null;
        sheetStream.close();
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                closeSheet();
            }
        }
        catch (IOException ex) {
            // Nothing is lost: the package is read-only and is released below either way.
        }
        finally {
            mergedRanges.close();
            strings.close();
            pkg.revert();
        }
    }

    private static UnreadableFileException unreadable(Exception ex) {
        return WorkbookErrors.whileReading(SpreadsheetFormat.XLSX, ex, null, 0);
    }
}
