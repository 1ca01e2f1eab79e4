package org.gugus.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reader whose rows are read on a second thread, a few hundred rows ahead of the one that takes
 * them: parsing a sheet and judging its rows then share the machine's cores instead of taking turns
 * on one. Rows come in the order the reader gives them; a failure of the reader comes after the
 * rows read before it, as it would without the second thread. At most {@value #BATCHES} batches of
 * {@value #BATCH} rows are held. The reader is touched by the second thread only, until
 * {@link #close()} has stopped it.
 */
final class RowReadAhead implements WorkbookReader {

    static final int BATCH = 256;

    /**
     * Two: the rows read ahead wait as objects (a row of a workbook some two kilobytes) and, held
     * through a young collection, are copied or promoted; a million-row stage under {@code -Xmx256m}
     * waits for its COPYs, not for the parsing, and eight batches (2,048 rows) kept more than the
     * survivor space holds beside the blocks being judged and written (issue 13).
     */
    static final int BATCHES = 2;

    /** Rows in order; {@code last} ends the rows, after {@code failure} if the reader failed. */
    private record Batch(List<SheetRow> rows, boolean last, Throwable failure) {
    }

    private final WorkbookReader reader;

    private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(BATCHES);

    private Thread parser;

    private volatile boolean closed;

    private Batch current;

    private int next;

    RowReadAhead(WorkbookReader reader) {
        this.reader = reader;
    }

    @Override
    public SpreadsheetFormat format() {
        return reader.format();
    }

    @Override
    public SheetRow next() throws UnreadableFileException {
        if (parser == null) {
            parser = new Thread(this::parse, "gugus-workbook-rows");
            parser.setDaemon(true);
            parser.start();
        }
        while (current == null || next == current.rows.size()) {
            if (current != null && current.last) {
                if (current.failure != null) {
                    rethrow(current.failure);
                }
                return null;
            }
            try {
                current = ready.take();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw WorkbookErrors.damaged(reader.format(), ex);
            }
            next = 0;
        }
        return current.rows.get(next++);
    }

    private void parse() {
        List<SheetRow> rows = new ArrayList<>(BATCH);
        try {
            while (!closed) {
                SheetRow row = reader.next();
                if (row == null) {
                    hand(new Batch(rows, true, null));
                    return;
                }
                rows.add(row);
                if (rows.size() == BATCH) {
                    hand(new Batch(rows, false, null));
                    rows = new ArrayList<>(BATCH);
                }
            }
        }
        catch (UnreadableFileException | RuntimeException | Error ex) {
            hand(new Batch(rows, true, ex));
        }
    }

    private void hand(Batch batch) {
        try {
            while (!closed && !ready.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the rows before are still being judged; wait unless the reader was closed
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) throws UnreadableFileException {
        if (failure instanceof UnreadableFileException unreadable) {
            throw unreadable;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** Stops the second thread after the row it is reading, then closes the reader. */
    @Override
    public void close() {
        closed = true;
        ready.clear();
        try {
            if (parser != null) {
                parser.join();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            reader.close();
        }
    }
}
