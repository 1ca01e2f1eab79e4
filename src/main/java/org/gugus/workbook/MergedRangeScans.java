package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.opc.PackagePart;

/**
 * The merged ranges of each sheet of an XLSX workbook, found on a background thread one sheet ahead
 * of the reader: Excel writes them after the rows, so each sheet is passed over once for them alone
 * before its rows are read, and that pass runs while the shared strings, or the sheet before, are
 * read. Most sheets have no merged range, which a plain search of the bytes for {@code mergeCell}
 * tells without parsing them. A failure of a pass (a damaged part, a zip bomb) is thrown when its
 * sheet's ranges are asked for.
 */
final class MergedRangeScans implements AutoCloseable {

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);

    private final List<PackagePart> sheets;

    private final List<Future<List<MergedCells.Range>>> scans = new ArrayList<>();

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread scanner = new Thread(task, "gugus-workbook-merged-ranges");
        scanner.setDaemon(true);
        return scanner;
    });

    /** Starts with the first sheet's pass. */
    MergedRangeScans(List<PackagePart> sheets) {
        this.sheets = sheets;
        startUpTo(0);
    }

    /** The ranges of sheet {@code index} (0-based, in workbook order); the next sheet's pass starts now. */
    List<MergedCells.Range> of(int index) throws IOException, XMLStreamException {
        startUpTo(index + 1);
        if (index >= scans.size()) {
            return List.of();
        }
        try {
            return scans.get(index).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while finding merged cells");
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof XMLStreamException xml) {
                throw xml;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    private void startUpTo(int index) {
        while (scans.size() <= index && scans.size() < sheets.size()) {
            PackagePart sheet = sheets.get(scans.size());
            scans.add(thread.submit(() -> scan(sheet)));
        }
    }

    /** Stops a pass still running and waits for it, so the package can be closed after. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static List<MergedCells.Range> scan(PackagePart sheet) throws IOException, XMLStreamException {
        try (InputStream in = sheet.getInputStream()) {
            if (!mentions(in, MERGE_CELL) || Thread.currentThread().isInterrupted()) {
                return List.of();
            }
        }
        List<MergedCells.Range> ranges = new ArrayList<>();
        try (InputStream in = sheet.getInputStream()) {
            WorkbookXml xml = new WorkbookXml(in);
            for (int event = xml.next(); event != WorkbookXml.END_OF_PART; event = xml.next()) {
                if (event == WorkbookXml.START) {
                    if (xml.isNamed("sheetData")) {
                        xml.skipElement();
                    }
                    else if (xml.isNamed("mergeCell")) {
                        MergedCells.Range range = MergedCells.Range.parse(xml.attribute("ref"));
                        if (range != null) {
                            ranges.add(range);
                        }
                    }
                }
            }
        }
        return ranges;
    }

    /**
     * Whether the bytes of {@code in} hold {@code word} anywhere; stops early if the thread is interrupted.
     * Searched by Horspool's rule: the byte under the word's last position says how far the word can
     * move on, its whole length for a byte it does not hold (most of a sheet's XML), so most bytes are
     * never looked at (a million-row sheet is half a gigabyte, passed over once before its rows are read).
     */
    static boolean mentions(InputStream in, byte[] word) throws IOException {
        int length = word.length;
        int[] shift = new int[256];
        Arrays.fill(shift, length);
        for (int i = 0; i < length - 1; i++) {
            shift[word[i] & 0xFF] = length - 1 - i;
        }
        byte last = word[length - 1];
        byte[] buffer = new byte[Math.max(1 << 16, 2 * length)];
        int kept = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int read = in.read(buffer, kept, buffer.length - kept);
            if (read < 0) {
                return false;
            }
            int end = kept + read;
            int at = 0;
            while (at + length <= end) {
                byte under = buffer[at + length - 1];
                if (under == last && Arrays.equals(buffer, at, at + length, word, 0, length)) {
                    return true;
                }
                at += shift[under & 0xFF];
            }
            // the places not yet tried (fewer than the word's length) begin the next buffer
            kept = end - at;
            System.arraycopy(buffer, at, buffer, 0, kept);
        }
        return false;
    }
}
