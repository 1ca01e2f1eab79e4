package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileRowsRead;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.IntakeTemplates;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.WorkbookLimits;
import org.gugus.workbook.WorkbookReader;
import org.gugus.workbook.WorkbookReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class DataRowReaderTellsTests {

    private static final IntakeTemplate TEMPLATE = IntakeTemplates.provincial();

    @TempDir
    Path files;

    @Test
    void tellsEveryRowReadInOrderThenTheEndThenTheClose() throws Exception {
        Path file = TestWorkbooks.xlsx(files.resolve("kutim-2024.xlsx"), TestWorkbooks.victims(40));
        Told told = new Told();
        DataRowReader rows = new DataRowReader(file, "kutim-2024.xlsx", TEMPLATE, 1_000_000, WorkbookLimits.DEFAULTS,
                format -> told.format(format));

        rows.open(new ExecutionContext());
        int data = 0;
        while (rows.read() != null) {
            data++;
        }
        assertThat(told.ended).isEqualTo(1);
        rows.close();

        assertThat(data).isEqualTo(40);
        assertThat(told.format).isEqualTo(SpreadsheetFormat.XLSX);
        assertThat(told.rows).as("every row, the title, header, column numbers and total too").isEqualTo(all(file));
        assertThat(told.ended).isEqualTo(1);
        assertThat(told.closed).isTrue();
    }

    @Test
    void tellsNoEndOfAReadingStoppedBeforeIt() throws Exception {
        Path file = TestWorkbooks.csv(files.resolve("kubar-2024.csv"), TestWorkbooks.victims(40));
        Told told = new Told();
        DataRowReader rows = new DataRowReader(file, "kubar-2024.csv", TEMPLATE, 1_000_000, WorkbookLimits.DEFAULTS,
                format -> told.format(format));

        rows.open(new ExecutionContext());
        rows.read();
        rows.close();

        assertThat(told.rows).isNotEmpty();
        assertThat(told.ended).isZero();
        assertThat(told.closed).isTrue();
    }

    private static List<SheetRow> all(Path file) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (WorkbookReader reader = WorkbookReaders.open(file, file.getFileName().toString())) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static final class Told implements FileRowsRead.Rows {

        SpreadsheetFormat format;
        final List<SheetRow> rows = new ArrayList<>();
        int ended;
        boolean closed;

        Told format(SpreadsheetFormat format) {
            this.format = format;
            return this;
        }

        @Override
        public void row(SheetRow row) {
            rows.add(row);
        }

        @Override
        public void ended() {
            ended++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
