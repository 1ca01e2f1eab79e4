package org.gugus.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A sheet's XML deflated as it is written, at the fastest level, on a thread of its own: the
 * writing thread hands over full buffers and goes on making XML while this one compresses them into
 * {@code target}. The output is raw deflate (no header) ending on a sync flush, not on a final
 * block, so that the zip entry of the sheet can be joined from the sheet's start, these bytes
 * unchanged and the sheet's end ({@link #part}); the zip then takes them as they are instead of
 * writing the whole XML to a temporary file, reading it back and deflating it in one thread at the
 * end. At most {@value #BUFFERS} buffers wait, so memory stays bounded whatever the size.
 */
final class DeflatedOutput extends OutputStream {

    static final int BUFFER = 1 << 16;
    private static final int BUFFERS = 4;

    /** What was written: its CRC-32 and length, and the length of its deflated form. */
    record Written(long crc, long size, long deflatedSize) {
    }

    /** A full buffer, or the end ({@code length < 0}). */
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(new byte[0], -1);

    private final OutputStream target;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread thread;
    private volatile Throwable failure;
    private Written written;
    private boolean closed;

    DeflatedOutput(OutputStream target) {
        this.target = target;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER]);
        }
        thread = new Thread(this::deflate, "answer-deflater");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (closed) {
            throw new IOException("sheet data already closed");
        }
        while (length > 0) {
            byte[] buffer = take(free);
            int n = Math.min(length, buffer.length);
            System.arraycopy(bytes, offset, buffer, 0, n);
            put(new Chunk(buffer, n));
            offset += n;
            length -= n;
        }
    }

    /** Ends the deflating (a sync flush), waits for it and closes the target; a second call does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deflating a sheet");
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("could not deflate a sheet", failure);
        }
    }

    /** What was written, once closed. */
    Written written() {
        if (written == null) {
            throw new IllegalStateException("sheet data not closed yet");
        }
        return written;
    }

    private void deflate() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        CRC32 crc = new CRC32();
        byte[] out = new byte[BUFFER];
        long size = 0;
        long deflated = 0;
        try (OutputStream sink = target) {
            for (Chunk chunk = take(full); chunk != END; chunk = take(full)) {
                if (failure == null) {
                    try {
                        crc.update(chunk.bytes(), 0, chunk.length());
                        size += chunk.length();
                        deflater.setInput(chunk.bytes(), 0, chunk.length());
                        while (!deflater.needsInput()) {
                            int n = deflater.deflate(out, 0, out.length, Deflater.NO_FLUSH);
                            sink.write(out, 0, n);
                            deflated += n;
                        }
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
                // the buffer goes back even after a failure, so the writing thread never waits forever
                free.add(chunk.bytes());
            }
            if (failure == null) {
                int n;
                do {
                    n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                    sink.write(out, 0, n);
                    deflated += n;
                } while (n == out.length);
                written = new Written(crc.getValue(), size, deflated);
            }
        } catch (Throwable e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            deflater.end();
        }
    }

    private <T> T take(BlockingQueue<T> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deflating a sheet");
        }
    }

    private void put(Chunk chunk) throws InterruptedIOException {
        try {
            full.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deflating a sheet");
        }
    }

    /**
     * Bytes deflated on their own, to join with a sheet's deflated data: ending on a sync flush
     * when more follows, else on the final block.
     */
    static byte[] part(byte[] bytes, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            byte[] buffer = new byte[8192];
            deflater.setInput(bytes);
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The CRC-32 of two byte sequences one after the other, from the CRC-32 of each and the length
     * of the second (zlib's {@code crc32_combine}): the sheet's data are checked as they are
     * written, before the sheet's start is known.
     */
    static long combine(long first, long second, long secondLength) {
        if (secondLength <= 0) {
            return first;
        }
        long[] even = new long[32];
        long[] odd = new long[32];
        // the operator for one zero bit
        odd[0] = 0xEDB88320L;
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = first;
        long length = secondLength;
        // apply the operator for each set bit of the length in bytes (the first squaring gives one byte)
        do {
            square(even, odd);
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>= 1;
            if (length == 0) {
                break;
            }
            square(odd, even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>= 1;
        } while (length != 0);
        return crc ^ second;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
