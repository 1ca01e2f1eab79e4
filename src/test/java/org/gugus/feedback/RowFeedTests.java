package org.gugus.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.UnreadableFileException;
import org.gugus.workbook.WorkbookReader;
import org.junit.jupiter.api.Test;

class RowFeedTests {

    @Test
    void givesEveryRowInOrderThenTheEnd() throws UnreadableFileException {
        Rows reader = new Rows(5_000, -1);
        List<Integer> numbers = new ArrayList<>();
        try (RowFeed feed = new RowFeed(reader)) {
            for (SheetRow row = feed.next(); row != null; row = feed.next()) {
                numbers.add(row.rowNumber());
            }
            assertThat(feed.next()).isNull();
        }
        assertThat(numbers).hasSize(5_000).isSorted().startsWith(1).endsWith(5_000);
        assertThat(reader.closed).isTrue();
    }

    @Test
    void givesTheRowsBeforeAReadFailureThenTheFailure() throws UnreadableFileException {
        Rows reader = new Rows(5_000, 1_234);
        List<Integer> numbers = new ArrayList<>();
        try (RowFeed feed = new RowFeed(reader)) {
            assertThatThrownBy(() -> {
                for (SheetRow row = feed.next(); row != null; row = feed.next()) {
                    numbers.add(row.rowNumber());
                }
            }).isInstanceOf(UnreadableFileException.class).hasMessage("broken at 1234");
        }
        assertThat(numbers).hasSize(1_233);
        assertThat(reader.closed).isTrue();
    }

    @Test
    void stopsReadingWhenClosedEarly() throws UnreadableFileException {
        Rows reader = new Rows(1_000_000, -1);
        try (RowFeed feed = new RowFeed(reader)) {
            assertThat(feed.next().rowNumber()).isEqualTo(1);
        }
        assertThat(reader.closed).isTrue();
        assertThat(reader.read).isLessThan(1_000_000);
    }

    /** Rows 1..count of one sheet, failing at row {@code failAt} (none when -1). */
    private static final class Rows implements WorkbookReader {

        private final int count;
        private final int failAt;
        private volatile int read;
        private volatile boolean closed;

        Rows(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public SpreadsheetFormat format() {
            return SpreadsheetFormat.CSV;
        }

        @Override
        public SheetRow next() throws UnreadableFileException {
            if (read == count) {
                return null;
            }
            read++;
            if (read == failAt) {
                throw new UnreadableFileException("rusak di " + read, "broken at " + read);
            }
            return new SheetRow("Data", read, List.of(CellValue.BLANK));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
