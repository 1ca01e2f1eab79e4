package org.gugus.intake.job;

import org.gugus.intake.AnswerWorkbook;
import org.gugus.intake.FileRowsRead;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.QuarantineException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gugus.intake.mapping.HeaderLayout;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.workbook.EmptyFileException;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.UnreadableFileException;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;
import org.gugus.workbook.WorkbookLimits;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the data rows of a workbook: finds each sheet's header among its first rows, maps data
 * rows to template fields and counts the rows that are not data (blank, column numbers, totals,
 * signature block) as skipped. On restart it reads again from the top and skips what was
 * committed, so it never needs the file in memory. File-level problems end the read with a
 * {@link QuarantineException}.
 */
class DataRowReader extends AbstractItemCountingItemStreamItemReader<DataRow> {

    static final String SUMMARY_PREFIX = "summary.";
    static final String FORMAT = SUMMARY_PREFIX + "format";
    static final String SKIPPED_ROWS = SUMMARY_PREFIX + "skippedRows";
    static final String SKIPPED_SHEETS = SUMMARY_PREFIX + "skippedSheets";
    static final String ANSWERS_FILE = SUMMARY_PREFIX + "answersFile";

    private final Path file;
    private final String fileName;
    private final IntakeTemplate template;
    private final long maxRows;
    private final WorkbookLimits limits;

    private WorkbookReader reader;
    private String sheet;
    private final List<SheetRow> headerSearchRows = new ArrayList<>();
    private HeaderLayout layout;
    private boolean sheetSearched;
    private final Set<String> dataSheets = new LinkedHashSet<>();
    private final Set<String> skippedSheets = new LinkedHashSet<>();
    private HeaderSearch.MissingColumns missingColumns;
    private long skippedRows;
    private long physicalRows;
    private int lastRowNumber;
    private final Deque<SheetRow> replay = new ArrayDeque<>();
    private final AnswerWorkbook.Rows answerRows;
    /** Told every row read, for a later pass over the file ({@link FileRowsRead}); none when nobody asked. */
    private final Function<SpreadsheetFormat, FileRowsRead.Rows> told;
    private FileRowsRead.Rows tell;

    DataRowReader(Path file, String fileName, IntakeTemplate template, long maxRows, WorkbookLimits limits) {
        this(file, fileName, template, maxRows, limits, format -> null);
    }

    DataRowReader(Path file, String fileName, IntakeTemplate template, long maxRows, WorkbookLimits limits,
            Function<SpreadsheetFormat, FileRowsRead.Rows> told) {
        this.told = told;
        this.file = file;
        this.fileName = fileName;
        this.template = template;
        this.maxRows = maxRows;
        this.limits = limits;
        this.answerRows = AnswerWorkbook.rows(template.headerSearchRows());
        setName("intakeReader");
    }

    @Override
    protected void doOpen() {
        try {
            reader = WorkbookReaders.open(file, fileName, limits);
            tell = told.apply(reader.format());
        } catch (EmptyFileException e) {
            throw new QuarantineException(FileErrors.empty(fileName));
        } catch (UnreadableFileException e) {
            throw new QuarantineException(FileErrors.of(fileName, e));
        }
    }

    @Override
    protected DataRow doRead() {
        try {
            while (true) {
                SheetRow row = nextRow();
                if (row == null) {
                    if (sheet != null && !sheetSearched) {
                        searchHeader();
                        continue;
                    }
                    return endOfFile();
                }
                if (!row.sheet().equals(sheet)) {
                    if (sheet != null && !sheetSearched) {
                        // decide on the previous sheet first, then come back to this row
                        replay.addLast(row);
                        searchHeader();
                        continue;
                    }
                    sheet = row.sheet();
                    sheetSearched = false;
                    layout = null;
                    lastRowNumber = 0;
                }
                if (!sheetSearched) {
                    headerSearchRows.add(row);
                    if (headerSearchRows.size() >= template.headerSearchRows()) {
                        searchHeader();
                    }
                } else if (layout != null) {
                    // Readers leave out rows without values; the blank rows between rows under the header are
                    // still rows a person sees, and are counted as skipped (never those after the last row).
                    skippedRows += Math.max(0, row.rowNumber() - Math.max(lastRowNumber, layout.headerRowNumber()) - 1);
                    lastRowNumber = row.rowNumber();
                    if (layout.isData(row)) {
                        return new DataRow(getCurrentItemCount(), layout.map(row));
                    }
                    skippedRows++;
                }
            }
        } catch (UnreadableFileException e) {
            throw new QuarantineException(FileErrors.of(fileName, e));
        }
    }

    private SheetRow nextRow() throws UnreadableFileException {
        if (!replay.isEmpty()) {
            return replay.pollFirst();
        }
        while (true) {
            SheetRow row = reader.next();
            if (row != null && ++physicalRows > maxRows) {
                throw new QuarantineException(FileErrors.tooManyRows(fileName, maxRows));
            }
            if (tell != null) {
                if (row == null) {
                    tell.ended();
                } else {
                    tell.row(row);
                }
            }
            // an answer workbook sent back: its summary sheet and the status columns Gugus added are not the office's
            SheetRow kept = row == null ? null : answerRows.keep(row);
            if (row == null || kept != null) {
                return kept;
            }
        }
    }

    /** Decides on the current sheet's header from its buffered first rows, then replays the rows under it. */
    private void searchHeader() {
        sheetSearched = true;
        HeaderSearch search = template.detectHeader(headerSearchRows);
        List<SheetRow> underHeader = List.of();
        if (search instanceof HeaderSearch.Found found) {
            layout = found.layout();
            template.prepareFor(layout);
            dataSheets.add(sheet);
            underHeader = headerSearchRows.stream().filter(r -> r.rowNumber() > layout.headerRowNumber()).toList();
        } else {
            if (search instanceof HeaderSearch.MissingColumns missing && missingColumns == null) {
                missingColumns = missing;
            }
            skippedSheets.add(sheet);
        }
        headerSearchRows.clear();
        for (int i = underHeader.size() - 1; i >= 0; i--) {
            replay.addFirst(underHeader.get(i));
        }
    }

    private DataRow endOfFile() {
        if (dataSheets.isEmpty()) {
            throw new QuarantineException(missingColumns != null
                    ? FileErrors.missingColumns(fileName, missingColumns)
                    : FileErrors.noHeader(fileName, template.headerSearchRows()));
        }
        if (getCurrentItemCount() == 1) {
            throw new QuarantineException(FileErrors.noDataRows(fileName));
        }
        return null;
    }

    @Override
    protected void doClose() {
        if (tell != null) {
            tell.close();
            tell = null;
        }
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        if (reader != null) {
            executionContext.putString(FORMAT, reader.format().name());
        }
        executionContext.putLong(SKIPPED_ROWS, skippedRows);
        executionContext.putString(SKIPPED_SHEETS, String.join("\n", skippedSheets));
        answerRows.answersFile().ifPresent(file -> executionContext.putLong(ANSWERS_FILE, file));
    }
}
