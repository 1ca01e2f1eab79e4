package org.gugus.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A workbook part inflated on a second thread, a few chunks ahead of the thread that parses it: a
 * million-row sheet is three quarters of a gigabyte of XML, and inflating it costs about a third of
 * what parsing it does, so the two share the machine's cores instead of taking turns on one. What
 * the part's stream throws there (a damaged entry, POI's zip-bomb guard) is thrown here, by the read
 * that reaches it. At most {@value #AHEAD} chunks of {@value #CHUNK} bytes are held.
 */
final class PartReadAhead extends InputStream {

    static final int CHUNK = 1 << 18;

    static final int AHEAD = 4;

    private record Chunk(byte[] bytes, int length, Throwable failure) {

        static final Chunk END = new Chunk(new byte[0], -1, null);
    }

    private final InputStream source;

    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(AHEAD);

    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(AHEAD + 2);

    private final Thread inflater;

    private volatile boolean closed;

    private Chunk current;

    private int next;

    PartReadAhead(InputStream source) {
        this.source = source;
        this.inflater = new Thread(this::inflate, "gugus-workbook-read-ahead");
        inflater.setDaemon(true);
        inflater.start();
    }

    private void inflate() {
        try (source) {
            while (!closed) {
                byte[] bytes = spare.poll();
                if (bytes == null) {
                    bytes = new byte[CHUNK];
                }
                int length = source.readNBytes(bytes, 0, CHUNK);
                if (length == 0) {
                    hand(Chunk.END);
                    return;
                }
                hand(new Chunk(bytes, length, null));
            }
        }
        catch (IOException | RuntimeException | Error ex) {
            if (!closed) {
                hand(new Chunk(new byte[0], -1, ex));
            }
        }
    }

    private void hand(Chunk chunk) {
        try {
            while (!closed && !ready.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the parser is behind; wait for it unless it closed the part
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        if (!hasByte()) {
            return -1;
        }
        return current.bytes[next++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!hasByte()) {
            return -1;
        }
        int n = Math.min(length, current.length - next);
        System.arraycopy(current.bytes, next, into, offset, n);
        next += n;
        return n;
    }

    /** Whether a byte is at hand, waiting for the next chunk if need be; false at the end of the part. */
    private boolean hasByte() throws IOException {
        while (current == null || next >= current.length) {
            if (current == Chunk.END) {
                return false;
            }
            if (current != null && current.length > 0) {
                spare.offer(current.bytes);
            }
            if (closed) {
                throw new IOException("The part was closed");
            }
            try {
                current = ready.take();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading a workbook part");
            }
            next = 0;
            if (current.failure != null) {
                Throwable failure = current.failure;
                current = Chunk.END;
                rethrow(failure);
            }
        }
        return true;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /** Stops the inflating thread, which closes the part's stream, and waits for it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        try {
            inflater.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
