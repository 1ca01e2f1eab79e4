package org.gugus.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gugus.intake.AnswerWorkbook;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.LoadStatus;
import org.gugus.intake.SheetHeader;
import org.gugus.ingest.ReceivedFile;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.warehouse.AnswerSettlement;
import org.gugus.warehouse.RowOutcome;
import org.gugus.warehouse.RowOutcomes;
import org.gugus.warehouse.RowStatus;
import org.gugus.warehouse.StoredFinding;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.UnreadableFileException;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;

/**
 * Writes one file's answer workbook, streaming ({@link AnswerZip}: SXSSF with a window of rows in
 * memory, each sheet's XML deflated on a thread of its own as it is written; strings inline rather
 * than in a shared table that would grow with the file): first {@code Ringkasan}, then the office's
 * sheets as read from the kept original, each row at its own row number and each value in its own
 * cell and type, with the status and notes columns right of the data and the cells with findings
 * filled and commented. A row without findings, most of a file, is written straight as sheet XML;
 * a row with findings, which needs cell objects for its comments, as an SXSSF row. Row outcomes
 * are read stretch by stretch in file order beside the rows, runs of rows loaded without findings
 * as runs, so memory stays bounded whatever the size; only cell comments stay in memory until the
 * end, so past {@code maxComments} a finding is written in the notes column only.
 */
final class AnswerBook implements AutoCloseable {

    static final int ROW_WINDOW = 200;
    private static final int OUTCOME_PAGE = 5000;

    private final ReceivedFile file;
    private final String officeName;
    /** Read when the summary is written: an answer's settlement is kept in its publish's transaction, after it. */
    private final Supplier<Optional<AnswerSettlement>> settlement;
    private final IntakeTemplate template;
    private final Outcomes outcomes;
    private final ZoneId zone;
    private final int maxComments;
    private final int sheetRows;

    private AnswerZip book;
    private AnswerStyles styles;
    private SXSSFSheet summary;
    private boolean readable;
    private int comments;
    private final Map<String, Message> meanings = new HashMap<>();

    /** The kept outcomes of a loaded file, in file order: a stretch after an ordinal ({@link RowOutcomes#kept}). */
    interface Outcomes {
        RowOutcomes.Kept after(int ordinal, int limit);
    }

    AnswerBook(ReceivedFile file, String officeName, Supplier<Optional<AnswerSettlement>> settlement,
            IntakeTemplate template, Outcomes outcomes, ZoneId zone, int maxComments) {
        this(file, officeName, settlement, template, outcomes, zone, maxComments,
                SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** With at most {@code sheetRows} rows a sheet: past them a sheet goes on in another (see {@link SheetCopy}). */
    AnswerBook(ReceivedFile file, String officeName, Supplier<Optional<AnswerSettlement>> settlement,
            IntakeTemplate template, Outcomes outcomes, ZoneId zone, int maxComments, int sheetRows) {
        this.file = file;
        this.officeName = officeName;
        this.settlement = settlement;
        this.template = template;
        this.outcomes = outcomes;
        this.zone = zone;
        this.maxComments = maxComments;
        this.sheetRows = sheetRows;
    }

    void write(OutputStream out) throws IOException {
        try (AnswerBook whole = this) {
            whole.copyOfficeSheets(outcome().status() == LoadStatus.LOADED);
            whole.finish(file, out);
        }
    }

    /**
     * The first part of {@link #write}, most of its work: the summary sheet made (empty) and the
     * office's sheets copied with their rows' outcomes. It needs the kept outcomes, not the file's
     * outcome, so a loaded file's answer can start as soon as its publish commits.
     *
     * @param loaded whether the file was loaded (its rows have outcomes) rather than quarantined
     */
    void copyOfficeSheets(boolean loaded) {
        copyOfficeSheets(loaded, null);
    }

    /**
     * As {@link #copyOfficeSheets(boolean)}, the office's rows taken from {@code kept} (the rows the
     * load's stage read, {@link KeptRows}; closed here) instead of read again from the original,
     * when given: the same rows, so the same sheets.
     */
    void copyOfficeSheets(boolean loaded, WorkbookReader kept) {
        book = newWorkbook();
        styles = new AnswerStyles(book);
        var properties = book.getXSSFWorkbook().getProperties();
        properties.getCoreProperties().setTitle(Messages.get("feedback.title").both());
        properties.getCustomProperties().addProperty("GugusAnswersFile", String.valueOf(file.id()));
        summary = book.createSheet(AnswerWorkbook.SUMMARY_SHEET);
        readable = copySheets(loaded, kept);
    }

    /**
     * The second part of {@link #write}: the summary of the finished file (its registry row, with its
     * outcome), then the whole workbook to {@code out} (not closed).
     */
    void finish(ReceivedFile finished, OutputStream out) throws IOException {
        new SummarySheet(summary, styles, finished, officeName, settlement.get(), zone).write(readable);
        book.write(out);
    }

    /** Drops the workbook and its temporary sheet data, written out or not. */
    @Override
    public void close() throws IOException {
        if (book != null) {
            book.close();
        }
    }

    /**
     * Makes and writes (nowhere) a small answer the way every answer is made, so that the workbook library's
     * classes (its parts, styles, properties, comments, the zip's writing) are loaded and initialised before the
     * first answer of the process needs them: the first answer of a command spent about half a second on them,
     * beside the persons and the reporting refresh. Nothing of a file is read or kept.
     */
    static void prepare() throws IOException {
        try (AnswerZip book = newWorkbook()) {
            AnswerStyles styles = new AnswerStyles(book);
            var properties = book.getXSSFWorkbook().getProperties();
            properties.getCoreProperties().setTitle(Messages.get("feedback.title").both());
            properties.getCustomProperties().addProperty("GugusAnswersFile", "0");
            SXSSFSheet summary = book.createSheet(AnswerWorkbook.SUMMARY_SHEET);
            Cell title = summary.createRow(0).createCell(0);
            title.setCellValue(Messages.get("feedback.title").both());
            title.setCellStyle(styles.title());
            SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName("Data"));
            Row row = sheet.createRow(0);
            Cell cell = row.createCell(0);
            cell.setCellValue("");
            cell.setCellStyle(styles.cell(AnswerStyles.Kind.TEXT, AnswerStyles.Mark.ERROR));
            row.createCell(1).setCellStyle(styles.status(RowStatus.DITOLAK));
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            CreationHelper helper = book.getCreationHelper();
            ClientAnchor anchor = helper.createClientAnchor();
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(""));
            cell.setCellComment(comment);
            summary.setColumnWidth(0, 40 * 256);
            book.write(OutputStream.nullOutputStream());
        }
    }

    /** The answer's workbook ({@link AnswerZip}): its sheets deflated as they are written. */
    static AnswerZip newWorkbook() {
        return new AnswerZip(ROW_WINDOW);
    }

    /**
     * The text as a cell can hold it: past Excel's 32,767 characters it is cut, and ends with "…"
     * so the cut shows (the original file keeps the whole text).
     */
    static String fit(String text) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** What a finding says, its code's meaning made once per code rather than for every row. */
    private Message text(StoredFinding finding) {
        if (finding.messageId() != null && finding.messageEn() != null) {
            return FindingText.of(finding);
        }
        return meanings.computeIfAbsent(finding.code(), FindingText::ofCode);
    }

    private FileOutcome outcome() {
        return file.outcome();
    }

    /** Copies every sheet of the original; false when the original cannot be read at all. */
    private boolean copySheets(boolean loaded, WorkbookReader kept) {
        try (RowFeed reader = new RowFeed(kept != null ? kept
                : WorkbookReaders.open(file.landingPath(), file.originalName()))) {
            AnswerWorkbook.Rows office = AnswerWorkbook.rows(template.headerSearchRows());
            OutcomeCursor cursor = new OutcomeCursor(
                    loaded ? outcomes : (after, limit) -> new RowOutcomes.Kept(List.of(), List.of(), after + limit));
            SheetCopy sheet = null;
            for (SheetRow read = reader.next(); read != null; read = reader.next()) {
                SheetRow row = office.keep(read);
                if (row == null) {
                    continue;
                }
                if (sheet == null || !sheet.name.equals(row.sheet())) {
                    if (sheet != null) {
                        sheet.finish();
                    }
                    cursor.startSheet(row.sheet());
                    sheet = new SheetCopy(row.sheet(), loaded, cursor);
                }
                sheet.add(row);
            }
            if (sheet != null) {
                sheet.finish();
            }
            return true;
        } catch (UnreadableFileException e) {
            return false;
        }
    }

    /**
     * One sheet being copied: its first rows wait until its header is found, the rest stream. A
     * sheet longer than a sheet can be (1,048,576 rows; a CSV may have more) goes on in a sheet
     * named after it with " (2)", " (3)", …, its header row repeated on top, so that each part
     * can be filtered, corrected and sent back on its own.
     */
    private final class SheetCopy {

        private final String name;
        private final boolean loaded;
        private final OutcomeCursor cursor;
        private SXSSFSheet sheet;
        /** The current part's sheet data, for the rows written straight as XML. */
        private SheetXmlWriter xml;
        /** Whether rows made as SXSSF rows may wait in its window, unwritten. */
        private boolean pending;
        /** How many rows of the original come before the current part's first row. */
        private int offset;
        private int part = 1;
        private SheetRow headerRow;
        private final List<SheetRow> firstRows = new ArrayList<>();
        private boolean searched;
        private SheetHeader header;
        private int statusColumn = -1;
        private Drawing<?> drawing;

        SheetCopy(String name, boolean loaded, OutcomeCursor cursor) {
            this.name = name;
            this.loaded = loaded;
            this.cursor = cursor;
            this.sheet = book.createSheet(sheetName(name));
            this.xml = book.writerOf(sheet);
            sheet.setDefaultColumnWidth(14);
        }

        /** The next part of a sheet too long for one: the header row (when found) on top, then the rows. */
        private void nextPart(SheetRow row) {
            part++;
            String suffix = " (" + part + ")";
            String base = WorkbookUtil.createSafeSheetName(name);
            sheet = book.createSheet(sheetName(base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix));
            xml = book.writerOf(sheet);
            pending = false;
            sheet.setDefaultColumnWidth(14);
            drawing = null;
            if (headerRow == null) {
                offset = row.rowNumber() - 1;
                return;
            }
            offset = row.rowNumber() - 2;
            layOut(0);
            write(headerRow, 0);
        }

        void add(SheetRow row) {
            if (searched) {
                write(row);
                return;
            }
            firstRows.add(row);
            if (firstRows.size() >= template.headerSearchRows()) {
                search();
            }
        }

        void finish() {
            if (!searched) {
                search();
            }
        }

        private void search() {
            searched = true;
            header = loaded ? template.findHeader(firstRows).orElse(null) : null;
            if (header != null) {
                statusColumn = firstRows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
                layOut(header.rowNumber() - 1);
            }
            firstRows.forEach(this::write);
            firstRows.clear();
        }

        /** The status and notes columns' widths, and the filter on the header row (at that 0-based index). */
        private void layOut(int headerIndex) {
            sheet.setColumnWidth(statusColumn, 16 * 256);
            sheet.setColumnWidth(statusColumn + 1, 70 * 256);
            sheet.setAutoFilter(new CellRangeAddress(headerIndex, headerIndex, 0, statusColumn + 1));
        }

        private void write(SheetRow row) {
            if (row.rowNumber() - offset > sheetRows) {
                nextPart(row);
            }
            write(row, row.rowNumber() - 1 - offset);
        }

        /**
         * Writes the row at the 0-based row index of the current part: a row without findings (most
         * of a file) straight as XML, a row with findings, or the header row, as an SXSSF row.
         */
        private void write(SheetRow row, int index) {
            RowOutcome outcome = cursor.take(row.rowNumber());
            boolean headerRowHere = header != null && row.rowNumber() == header.rowNumber();
            if ((outcome == null || outcome.findings().isEmpty()) && !headerRowHere && plain(row)) {
                try {
                    writeStraight(row, index, outcome);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            pending = true;
            Row out = sheet.createRow(index);
            Map<Integer, List<StoredFinding>> byColumn = outcome == null || outcome.findings().isEmpty() ? Map.of()
                    : byColumn(outcome);
            for (int column = 0; column < row.cells().size(); column++) {
                CellValue value = row.cells().get(column);
                List<StoredFinding> findings = byColumn.getOrDefault(column, List.of());
                if (value.isBlank() && findings.isEmpty()) {
                    continue;
                }
                Cell cell = out.createCell(column);
                AnswerStyles.Mark mark = AnswerStyles.Mark.of(findings);
                write(cell, value, mark);
                if (!findings.isEmpty()) {
                    comment(cell, findings);
                }
            }
            if (header == null || row.rowNumber() < header.rowNumber()) {
                return;
            }
            int at = Math.max(statusColumn, row.cells().size());
            if (row.rowNumber() == header.rowNumber()) {
                headerRow = row;
                heading(out.createCell(at), AnswerWorkbook.STATUS_HEADER);
                heading(out.createCell(at + 1), AnswerWorkbook.NOTES_HEADER);
                return;
            }
            RowStatus status = outcome == null ? RowStatus.DILEWATI : outcome.status();
            Cell statusCell = out.createCell(at);
            statusCell.setCellValue(status.name());
            statusCell.setCellStyle(styles.status(status));
            String notes = notes(status, outcome);
            if (!notes.isEmpty()) {
                Cell notesCell = out.createCell(at + 1);
                notesCell.setCellValue(fit(notes));
                notesCell.setCellStyle(styles.notes());
            }
        }

        /** The findings of a row by the 0-based column they point at; -1 for those without one (in the notes only). */
        private Map<Integer, List<StoredFinding>> byColumn(RowOutcome outcome) {
            Map<Integer, List<StoredFinding>> byColumn = new LinkedHashMap<>();
            for (StoredFinding finding : outcome.findings()) {
                int column = header == null || finding.field() == null ? -1 : header.column(finding.field()).orElse(-1);
                byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(finding);
            }
            return byColumn;
        }

        /** Whether every value of the row is one a cell holds as such (a number that is not infinite nor NaN). */
        private static boolean plain(SheetRow row) {
            for (CellValue value : row.cells()) {
                if (value.kind() == CellValue.Kind.NUMBER && !Double.isFinite(value.number())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The row as the SXSSF path writes a row without findings, the same XML, without a row and
         * a cell object per value: the rows waiting in SXSSF's window are written first, in order.
         */
        private void writeStraight(SheetRow row, int index, RowOutcome outcome) throws IOException {
            if (pending) {
                sheet.flushRows();
                pending = false;
            }
            xml.startRow(index);
            List<CellValue> cells = row.cells();
            for (int column = 0; column < cells.size(); column++) {
                CellValue value = cells.get(column);
                if (value.isBlank()) {
                    continue;
                }
                switch (value.kind()) {
                    case NUMBER -> xml.number(column, style(AnswerStyles.Kind.GENERAL), value.number());
                    case DATE -> {
                        boolean time = value.dateTime().toLocalTime().toSecondOfDay() != 0;
                        xml.number(column, style(time ? AnswerStyles.Kind.DATE_TIME : AnswerStyles.Kind.DATE),
                                DateUtil.getExcelDate(value.dateTime(), book.getXSSFWorkbook().isDate1904()));
                    }
                    case BOOLEAN -> xml.bool(column, style(AnswerStyles.Kind.GENERAL),
                            Boolean.parseBoolean(value.text()) || value.text().equalsIgnoreCase("TRUE"));
                    default -> xml.text(column, style(AnswerStyles.Kind.TEXT), fit(value.text()));
                }
            }
            if (header != null && row.rowNumber() > header.rowNumber()) {
                int at = Math.max(statusColumn, cells.size());
                RowStatus status = outcome == null ? RowStatus.DILEWATI : outcome.status();
                xml.text(at, styles.status(status).getIndex(), status.name());
                String notes = notes(status, outcome);
                if (!notes.isEmpty()) {
                    xml.text(at + 1, styles.notes().getIndex(), fit(notes));
                }
            }
            xml.endRow();
        }

        private int style(AnswerStyles.Kind kind) {
            return styles.cell(kind, AnswerStyles.Mark.NONE).getIndex();
        }

        private String notes(RowStatus status, RowOutcome outcome) {
            if (status != RowStatus.DUPLIKAT && (outcome == null || outcome.findings().isEmpty())) {
                return "";
            }
            List<String> lines = new ArrayList<>();
            if (status == RowStatus.DUPLIKAT) {
                lines.add(Messages.get("feedback.row.duplicate").both());
            }
            if (outcome != null) {
                for (StoredFinding finding : outcome.findings()) {
                    Message text = text(finding);
                    lines.add(finding.code() + (finding.column() == null ? "" : " [" + finding.column() + "]") + ": "
                            + text.id() + " / " + text.en());
                }
            }
            return String.join("\n", lines);
        }

        private void write(Cell cell, CellValue value, AnswerStyles.Mark mark) {
            switch (value.kind()) {
                case NUMBER -> {
                    cell.setCellValue(value.number());
                    cell.setCellStyle(styles.cell(AnswerStyles.Kind.GENERAL, mark));
                }
                case DATE -> {
                    cell.setCellValue(value.dateTime());
                    boolean time = value.dateTime().toLocalTime().toSecondOfDay() != 0;
                    cell.setCellStyle(styles.cell(time ? AnswerStyles.Kind.DATE_TIME : AnswerStyles.Kind.DATE, mark));
                }
                case BOOLEAN -> {
                    cell.setCellValue(Boolean.parseBoolean(value.text()) || value.text().equalsIgnoreCase("TRUE"));
                    cell.setCellStyle(styles.cell(AnswerStyles.Kind.GENERAL, mark));
                }
                default -> {
                    cell.setCellValue(fit(value.text()));
                    cell.setCellStyle(styles.cell(AnswerStyles.Kind.TEXT, mark));
                }
            }
        }

        private void comment(Cell cell, List<StoredFinding> findings) {
            if (comments >= maxComments) {
                return;
            }
            comments++;
            if (drawing == null) {
                drawing = sheet.createDrawingPatriarch();
            }
            CreationHelper helper = book.getCreationHelper();
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(cell.getColumnIndex());
            anchor.setCol2(cell.getColumnIndex() + 4);
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(cell.getRowIndex() + 6);
            Comment comment = drawing.createCellComment(anchor);
            comment.setAddress(cell.getAddress());
            comment.setString(helper.createRichTextString(findings.stream().map(finding -> {
                Message text = text(finding);
                return finding.code() + ": " + text.id() + "\n(EN) " + text.en();
            }).collect(Collectors.joining("\n\n"))));
            comment.setAuthor("Gugus");
            cell.setCellComment(comment);
        }

        private void heading(Cell cell, String text) {
            cell.setCellValue(text);
            cell.setCellStyle(styles.heading());
        }
    }

    private final Set<String> sheetNames = new HashSet<>(Set.of(AnswerWorkbook.SUMMARY_SHEET.toLowerCase()));

    /** The sheet's own name where Excel allows it; else made safe, and never the summary's. */
    private String sheetName(String original) {
        String name = WorkbookUtil.createSafeSheetName(original);
        String candidate = name;
        for (int n = 2; !sheetNames.add(candidate.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /**
     * Walks the kept outcomes beside the rows read: an outcome belongs to the row of its sheet and
     * row number, and a run of rows loaded without findings to each of its rows; outcomes of sheets
     * or rows already passed (none, when both read alike) are dropped. A run is never unfolded: its
     * rows share one outcome.
     */
    private static final class OutcomeCursor {

        private final Outcomes outcomes;
        private final Deque<RowOutcome> rows = new ArrayDeque<>();
        private final Deque<RowOutcomes.Run> runs = new ArrayDeque<>();
        private final Set<String> passedSheets = new HashSet<>();
        private String sheet;
        private int through;
        private boolean exhausted;

        OutcomeCursor(Outcomes outcomes) {
            this.outcomes = outcomes;
        }

        void startSheet(String name) {
            if (sheet != null) {
                passedSheets.add(sheet);
            }
            sheet = name;
        }

        RowOutcome take(int rowNumber) {
            while (true) {
                fill();
                RowOutcome single = rows.peekFirst();
                RowOutcomes.Run run = runs.peekFirst();
                if (single == null && run == null) {
                    return null;
                }
                if (run == null || (single != null && single.ordinal() < run.firstOrdinal())) {
                    boolean passed = passedSheets.contains(single.sheet())
                            || (single.sheet().equals(sheet) && single.rowNumber() < rowNumber);
                    if (passed) {
                        rows.pollFirst();
                        continue;
                    }
                    return single.sheet().equals(sheet) && single.rowNumber() == rowNumber ? rows.pollFirst() : null;
                }
                boolean passed = passedSheets.contains(run.sheet())
                        || (run.sheet().equals(sheet) && run.lastRowNumber() < rowNumber);
                if (passed) {
                    runs.pollFirst();
                    continue;
                }
                return run.sheet().equals(sheet) && run.firstRowNumber() <= rowNumber ? RUN_ROW : null;
            }
        }

        /** The next stretch of outcomes once the last is used up. */
        private void fill() {
            if (rows.isEmpty() && runs.isEmpty() && !exhausted) {
                RowOutcomes.Kept next = outcomes.after(through, OUTCOME_PAGE);
                rows.addAll(next.rows());
                runs.addAll(next.runs());
                exhausted = next.isEmpty();
                through = next.throughOrdinal();
            }
        }
    }

    /** The outcome of each row of a run: loaded, without findings. */
    private static final RowOutcome RUN_ROW = new RowOutcome(0, "", 0, RowStatus.DITERIMA, List.of());
}
