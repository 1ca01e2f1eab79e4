package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Streams an Excel 97-2003 (XLS) workbook one row at a time with HSSF's record-level API, never
 * building the workbook object model. The records are pulled one by one; as in XLSX, a sheet's
 * merged ranges come after its cells, so a first pass over the records collects them (with the
 * sheet names, shared strings and number formats of the workbook globals), and a second pass
 * reads the cells. An XLS sheet holds at most 65,536 rows, so the shared strings in memory stay small.
 */
final class XlsWorkbookReader implements WorkbookReader {

    private final POIFSFileSystem fs;

    private final Workbook globals;

    private final DateFormats dateFormats = new DateFormats();

    private final RowBuilder row;

    private InputStream stream;

    private RecordFactoryInputStream records;

    private int depth;

    private int sheetIndex = -1;

    private String sheetName;

    private MergedCells merged;

    private int rowNumber;

    private CellValueRecordInterface held;

    private int awaitingStringColumn = -1;

    private XlsWorkbookReader(POIFSFileSystem fs, Workbook globals, InputStream stream, WorkbookLimits limits) {
        this.fs = fs;
        this.row = new RowBuilder(limits);
        this.globals = globals;
        this.stream = stream;
        this.records = new RecordFactoryInputStream(stream, false);
    }

    static XlsWorkbookReader open(Path file) throws UnreadableFileException {
        return open(file, WorkbookLimits.DEFAULTS);
    }

    static XlsWorkbookReader open(Path file, WorkbookLimits limits) throws UnreadableFileException {
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            DirectoryNode root = fs.getRoot();
            if (!root.hasEntryCaseInsensitive("Workbook")) {
                throw WorkbookErrors.refused("workbook.file.excel95");
            }
            Workbook globals;
            try (InputStream first = root.createDocumentInputStream(workbookEntry(root))) {
                globals = Workbook.scan(new RecordFactoryInputStream(first, false));
            }
            return new XlsWorkbookReader(fs, globals, root.createDocumentInputStream(workbookEntry(root)), limits);
        }
        catch (UnreadableFileException ex) {
            close(fs);
            throw ex;
        }
        catch (EncryptedDocumentException ex) {
            close(fs);
            throw WorkbookErrors.passwordProtected(SpreadsheetFormat.XLS.name(), ex);
        }
        catch (IOException | RuntimeException ex) {
            close(fs);
            throw WorkbookErrors.damaged(SpreadsheetFormat.XLS, ex);
        }
    }

    private static String workbookEntry(DirectoryNode root) {
        for (String name : root.getEntryNames()) {
            if (name.equalsIgnoreCase("Workbook")) {
                return name;
            }
        }
        return "Workbook";
    }

    @Override
    public SpreadsheetFormat format() {
        return SpreadsheetFormat.XLS;
    }

    @Override
    public SheetRow next() throws UnreadableFileException {
        try {
            while (true) {
                CellValueRecordInterface cell = held;
                held = null;
                if (cell == null) {
                    Record record = records.nextRecord();
                    if (record == null) {
                        return finishRow();
                    }
                    if (record instanceof BOFRecord bof) {
                        depth++;
                        if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                            startSheet();
                        }
                        continue;
                    }
                    if (record instanceof EOFRecord) {
                        depth--;
                        if (depth == 0 && sheetName != null) {
                            SheetRow last = finishRow();
                            sheetName = null;
                            if (last != null) {
                                return last;
                            }
                        }
                        continue;
                    }
                    if (depth != 1 || sheetName == null) {
                        continue;
                    }
                    if (record instanceof StringRecord string && awaitingStringColumn >= 0) {
                        put(awaitingStringColumn, CellText.text(string.getString()));
                        awaitingStringColumn = -1;
                        continue;
                    }
                    if (!(record instanceof CellValueRecordInterface value)) {
                        continue;
                    }
                    cell = value;
                }
                if (cell.getRow() + 1 != rowNumber) {
                    SheetRow finished = finishRow();
                    rowNumber = cell.getRow() + 1;
                    if (finished != null) {
                        held = cell;
                        return finished;
                    }
                }
                read(cell);
            }
        }
        catch (EncryptedDocumentException ex) {
            throw WorkbookErrors.passwordProtected(SpreadsheetFormat.XLS.name(), ex);
        }
        catch (RuntimeException ex) {
            throw WorkbookErrors.whileReading(SpreadsheetFormat.XLS, ex, sheetName, rowNumber);
        }
    }

    private void startSheet() {
        sheetIndex++;
        sheetName = sheetIndex < globals.sheetNames.size() ? globals.sheetNames.get(sheetIndex)
                : "Sheet" + (sheetIndex + 1);
        merged = MergedCells.of(globals.merges.getOrDefault(sheetIndex, List.of()));
        rowNumber = 0;
        row.finish();
        awaitingStringColumn = -1;
    }

    /** The row being read, if it holds a value, with merged values filled in; starts a new row. */
    private SheetRow finishRow() {
        List<CellValue> cells = row.finish();
        awaitingStringColumn = -1;
        if (cells.isEmpty() || sheetName == null) {
            return null;
        }
        return new SheetRow(sheetName, rowNumber, merged.apply(rowNumber, cells));
    }

    private void read(CellValueRecordInterface cell) {
        int column = cell.getColumn();
        if (cell instanceof LabelSSTRecord label) {
            put(column, CellText.text(globals.sst.getString(label.getSSTIndex()).getString()));
        }
        else if (cell instanceof LabelRecord label) {
            put(column, CellText.text(label.getValue()));
        }
        else if (cell instanceof NumberRecord number) {
            put(column, number(number.getValue(), cell));
        }
        else if (cell instanceof RKRecord rk) {
            // The record stream turns RK and multiple-RK records into numbers; kept for a stray raw one.
            put(column, number(rk.getRKNumber(), cell));
        }
        else if (cell instanceof BoolErrRecord boolErr) {
            put(column, boolErr.isBoolean() ? CellNumbers.bool(boolErr.getBooleanValue()) : error(boolErr.getErrorValue()));
        }
        else if (cell instanceof FormulaRecord formula) {
            CellType type = formula.getCachedResultTypeEnum();
            switch (type) {
                case NUMERIC -> put(column, number(formula.getValue(), cell));
                case STRING -> awaitingStringColumn = column;
                case BOOLEAN -> put(column, CellNumbers.bool(formula.getCachedBooleanValue()));
                case ERROR -> put(column, error(formula.getCachedErrorValue()));
                default -> {
                    // a formula whose cached result is empty
                }
            }
        }
    }

    private void put(int column, CellValue value) {
        row.put(column, value);
    }

    private CellValue number(double value, CellValueRecordInterface cell) {
        Boolean known = dateFormats.known(cell.getXFIndex());
        boolean date = known != null ? known : dateFormats.isDate(cell.getXFIndex(), xf -> new DateFormats.NumberFormat(
                globals.formats.getFormatIndex(cell), globals.formats.getFormatString(cell)));
        return CellNumbers.number(value, date, globals.date1904);
    }

    private static CellValue error(int code) {
        try {
            return CellNumbers.error(FormulaError.forInt(code).getString());
        }
        catch (IllegalArgumentException ex) {
            return CellNumbers.error("#ERROR");
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        }
        catch (IOException ex) {
            // Read-only; the file system below is released either way.
        }
        finally {
            close(fs);
        }
    }

    private static void close(POIFSFileSystem fs) {
        if (fs == null) {
            return;
        }
        try {
            fs.close();
        }
        catch (IOException ex) {
            // Opened read-only: nothing to lose.
        }
    }

    /** What the first pass learns: the workbook globals and each sheet's merged ranges. */
    private static final class Workbook {

        private final List<String> sheetNames = new ArrayList<>();

        private final Map<Integer, List<MergedCells.Range>> merges = new HashMap<>();

        private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(record -> {
        });

        private SSTRecord sst = new SSTRecord();

        private boolean date1904;

        static Workbook scan(RecordFactoryInputStream records) {
            Workbook workbook = new Workbook();
            int depth = 0;
            int sheet = -1;
            boolean inGlobals = false;
            for (Record record = records.nextRecord(); record != null; record = records.nextRecord()) {
                if (record instanceof BOFRecord bof) {
                    depth++;
                    if (depth == 1) {
                        inGlobals = bof.getType() == BOFRecord.TYPE_WORKBOOK;
                        if (!inGlobals) {
                            sheet++;
                        }
                    }
                }
                else if (record instanceof EOFRecord) {
                    depth--;
                }
                else if (depth == 1 && inGlobals) {
                    workbook.formats.processRecordInternally(record);
                    if (record instanceof BoundSheetRecord bound) {
                        workbook.sheetNames.add(bound.getSheetname());
                    }
                    else if (record instanceof SSTRecord sst) {
                        workbook.sst = sst;
                    }
                    else if (record instanceof DateWindow1904Record window) {
                        workbook.date1904 = window.getWindowing() == 1;
                    }
                }
                else if (depth == 1 && record instanceof MergeCellsRecord merge) {
                    List<MergedCells.Range> ranges = workbook.merges.computeIfAbsent(sheet, s -> new ArrayList<>());
                    for (int i = 0; i < merge.getNumAreas(); i++) {
                        CellRangeAddress area = merge.getAreaAt(i);
                        ranges.add(new MergedCells.Range(area.getFirstRow() + 1, area.getLastRow() + 1,
                                area.getFirstColumn()));
                    }
                }
            }
            return workbook;
        }
    }
}
