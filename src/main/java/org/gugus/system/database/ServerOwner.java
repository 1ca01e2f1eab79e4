package org.gugus.system.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process owns the embedded server on a data directory: {@code data.owner} beside it holds
 * the owner's process id and start time. The start time tells a live owner from a new process that
 * was given a dead owner's id.
 */
final class ServerOwner {

    private final Path file;
    private final Optional<Process> recorded;

    private record Process(long pid, long startedMillis) {
    }

    private ServerOwner(Path file, Optional<Process> recorded) {
        this.file = file;
        this.recorded = recorded;
    }

    static ServerOwner of(Path dataDirectory) {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
        return new ServerOwner(file, read(file));
    }

    /** Whether the recorded owner still runs; false when none is recorded (a server of an older Gugus). */
    boolean isAlive() {
        return recorded.flatMap(owner -> ProcessHandle.of(owner.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant()
                        .map(started -> started.toEpochMilli() == owner.startedMillis()).orElse(true)))
                .isPresent();
    }

    String describePrevious() {
        return recorded.map(owner -> "process " + owner.pid()).orElse("owner unknown");
    }

    /** Records this process as the owner. */
    void claim() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(file, self.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    }

    /** Forgets the owner once the server has stopped, if it was this process. */
    void release() {
        if (recorded.map(owner -> owner.pid() == ProcessHandle.current().pid()).orElse(false)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale owner file names a dead process: the next start takes the server over, as it should
            }
        }
    }

    private static Optional<Process> read(Path file) {
        try {
            String[] fields = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
            return Optional.of(new Process(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
