package org.gugus.feedback;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gugus.intake.FileRowsRead;
import org.gugus.system.LeftBehindFiles;
import org.gugus.workbook.SheetRow;
import org.gugus.workbook.SpreadsheetFormat;
import org.gugus.workbook.WorkbookReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rows a load's stage read of a file, kept ({@link RowSpill}) for the answer's copy of the office's
 * sheets after the publish, so that the original is read once in a load rather than twice: parsing an
 * XLSX again was most of the copy's CPU, beside the persons resolution on the same cores. The rows are
 * written on a thread of their own as the stage reads them (a few batches wait at most); only a
 * reading that reached the file's end is kept, and only for the file's next answer, then deleted; the
 * file holding them has no name in the temporary folder once open ({@link RowSpill#open}), so a killed
 * process leaves none of them behind. The answer reads the original as before when no whole reading was kept (a resumed load, a file whose
 * stage ran in another process, a restart cut short). Off with {@code gugus.feedback.keep-read-rows=false},
 * and when answers do not start on the publish ({@code gugus.feedback.start-on-publish=false}).
 */
@Component
class KeptRows implements FileRowsRead, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeptRows.class);
    /** Kept readings no answer took (a publish outside a load): dropped beyond this many. */
    private static final int MAX_KEPT = 4;
    private static final int BATCH = 512;
    private static final int BATCHES = 8;
    /** The kept rows' files' names: {@code gugus-answer-rows-<random>.bin} in the temporary folder. */
    private static final String PREFIX = "gugus-answer-rows-";
    /**
     * A kept rows' file older than this was left by a process killed before it could delete it (a load
     * keeps them minutes at most): it holds names and NIKs, so the next Gugus deletes it. Such files are
     * left only by the versions that kept the rows by name, before their files were unlinked as opened.
     */
    static final Duration LEFT_BEHIND = Duration.ofHours(12);

    private final boolean enabled;
    private final Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    /** The readings being kept or kept, by file, oldest first: the spill once whole, else empty. */
    private final Map<Long, Reading> readings = new LinkedHashMap<>();
    private final AtomicLong taken = new AtomicLong();

    KeptRows(@Value("${gugus.feedback.keep-read-rows:true}") boolean keep,
            @Value("${gugus.feedback.start-on-publish:true}") boolean startOnPublish) {
        this.enabled = keep && startOnPublish;
        int swept = sweep(temporary, Instant.now().minus(LEFT_BEHIND));
        if (swept > 0) {
            log.info("Deleted {} files of rows kept for answers that a stopped process left behind", swept);
        }
    }

    /**
     * Deletes the kept rows' files in {@code folder} last written before {@code before} (left by a killed process);
     * returns how many. A file another process is still writing is newer than that, and is left.
     */
    static int sweep(Path folder, Instant before) {
        return LeftBehindFiles.delete(folder, PREFIX + "*.bin", before);
    }

    @Override
    public Rows reading(long fileId, SpreadsheetFormat format) {
        if (!enabled) {
            return null;
        }
        Reading reading;
        try {
            reading = new Reading(fileId, format, RowSpill.open(temporary, PREFIX));
        } catch (IOException | RuntimeException e) {
            log.info("Rows of file #{} not kept for its answer ({})", fileId, e.getClass().getName());
            return null;
        }
        synchronized (readings) {
            Reading earlier = readings.put(fileId, reading);
            if (earlier != null) {
                earlier.drop();
            }
            for (Iterator<Reading> oldest = readings.values().iterator(); readings.size() > MAX_KEPT; ) {
                oldest.next().drop();
                oldest.remove();
            }
        }
        return reading;
    }

    /**
     * The rows kept of the file's last reading, once written (waiting for them); empty when none was
     * kept whole. The caller closes the reader, which deletes them.
     */
    Optional<WorkbookReader> take(long fileId) {
        Reading reading;
        synchronized (readings) {
            reading = readings.remove(fileId);
        }
        if (reading == null) {
            return Optional.empty();
        }
        try {
            FileChannel kept = reading.written.get();
            if (kept == null) {
                return Optional.empty();
            }
            WorkbookReader reader = new RowSpill.Reader(kept, reading.format);
            taken.incrementAndGet();
            return Optional.of(reader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.drop();
            return Optional.empty();
        } catch (ExecutionException e) {
            reading.drop();
            return Optional.empty();
        }
    }

    /** Drops the rows kept of the file, if any (no answer of it will take them). */
    void drop(long fileId) {
        Reading reading;
        synchronized (readings) {
            reading = readings.remove(fileId);
        }
        if (reading != null) {
            reading.drop();
        }
    }

    /** How many kept readings were taken (for tests). */
    long taken() {
        return taken.get();
    }

    @Override
    public void destroy() {
        synchronized (readings) {
            readings.values().forEach(Reading::drop);
            readings.clear();
        }
    }

    /** One reading of a file: its rows handed in batches to a thread that writes them. */
    private static final class Reading implements Rows {

        private static final List<SheetRow> ENDED = new ArrayList<>(0);
        private static final List<SheetRow> STOPPED = new ArrayList<>(0);

        private final long fileId;
        private final SpreadsheetFormat format;
        private final FileChannel file;
        private final BlockingQueue<List<SheetRow>> batches = new ArrayBlockingQueue<>(BATCHES);
        /** The file once every row is written; {@code null} when the reading did not end, or failed. */
        private final CompletableFuture<FileChannel> written = new CompletableFuture<>();
        private List<SheetRow> batch = new ArrayList<>(BATCH);
        private volatile boolean failed;
        private boolean closed;

        Reading(long fileId, SpreadsheetFormat format, FileChannel file) {
            this.fileId = fileId;
            this.format = format;
            this.file = file;
            Thread thread = new Thread(this::write, "answer-rows-" + fileId);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void row(SheetRow row) {
            if (closed || failed) {
                return;
            }
            batch.add(row);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        @Override
        public void ended() {
            if (closed) {
                return;
            }
            closed = true;
            if (!batch.isEmpty()) {
                hand(batch);
            }
            hand(ENDED);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                hand(STOPPED);
            }
        }

        /** Waits for room unless the writing failed (then nothing more is written). */
        private void hand(List<SheetRow> rows) {
            try {
                while (!failed && !batches.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    // the writing thread is busy; the reading waits, so memory stays bounded
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }

        private void write() {
            boolean whole = false;
            try (RowSpill.Writer out = new RowSpill.Writer(file)) {
                for (List<SheetRow> rows = batches.take(); rows != STOPPED; rows = batches.take()) {
                    if (rows == ENDED) {
                        out.end();
                        whole = true;
                        break;
                    }
                    for (SheetRow row : rows) {
                        out.write(row);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the class only: a message could quote a cell
                log.info("Rows of file #{} not kept for its answer ({})", fileId, e.getClass().getName());
                whole = false;
            } catch (InterruptedException e) {
                whole = false;
            } finally {
                failed = !whole;
                if (!whole) {
                    delete();
                }
                written.complete(whole ? file : null);
            }
        }

        /** Stops the writing if still under way and deletes the rows kept, now or once written. */
        void drop() {
            failed = true;
            batches.clear();
            batches.offer(STOPPED);
            written.thenAccept(kept -> delete());
        }

        /** Closes the file, which deletes it. */
        private void delete() {
            try {
                file.close();
            } catch (IOException e) {
                // unlinked when opened: nothing is left by name
            }
        }
    }
}
