package org.gugus.system.database;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The embedded server's shared memory, sized from the machine it runs on. A server that holds only the
 * default 512 MB of shared buffers wrote a large first delivery's records out again as it inserted them: at a
 * million records (1 GB of heap, their indexes, the file's gigabyte of staged rows) the inserting backend
 * evicted 1.8 GB of pages it had just dirtied, each after flushing WAL up to it (issue 13). An eighth of the
 * machine's memory keeps them in the server on a workstation of 16 GB or more, and leaves the rest to the
 * JVM, the kernel's cache and the user's other programs; the buffers are taken as pages are read, not at start.
 *
 * @param sharedBuffersMb {@code shared_buffers}, in megabytes
 * @param walBuffersMb {@code wal_buffers}, in megabytes: PostgreSQL's own choice caps them at one WAL segment
 *     (16 MB), which a bulk insert's gigabyte of WAL fills every few thousand rows
 */
record ServerMemory(long sharedBuffersMb, long walBuffersMb) {

    static final long FLOOR_MB = 512;
    static final long CEILING_MB = 4096;
    private static final long LARGE_WAL_BUFFERS_MB = 64;
    private static final long DEFAULT_WAL_BUFFERS_MB = 16;

    /** For the machine this JVM runs on (its container's limit, where there is one). */
    static ServerMemory ofThisMachine() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return of(os.getTotalMemorySize());
        }
        return of(0);
    }

    /** An eighth of {@code physicalBytes}, no less than 512 MB and no more than 4 GB. */
    static ServerMemory of(long physicalBytes) {
        long eighth = physicalBytes / 8 / (1024 * 1024);
        long shared = Math.min(CEILING_MB, Math.max(FLOOR_MB, eighth));
        return new ServerMemory(shared, shared >= 4 * FLOOR_MB ? LARGE_WAL_BUFFERS_MB : DEFAULT_WAL_BUFFERS_MB);
    }

    /** The server's options for them, as {@code pg_ctl -o} passes them on. */
    String options() {
        return " -c shared_buffers=" + sharedBuffersMb + "MB -c wal_buffers=" + walBuffersMb + "MB";
    }
}
