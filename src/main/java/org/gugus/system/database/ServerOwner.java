package org.gugus.system.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process owns the embedded server on a data directory: {@code data.owner} beside it holds
 * the owner's process id and when it started. The start tells a live owner from a new process that
 * was given a dead owner's id.
 *
 * <p>Where there is {@code /proc} (Linux), the start is the kernel's own count of clock ticks since
 * boot ({@code ticks:N}), which never changes for a process. The start instant that Java gives is
 * derived from the boot time, which Linux recomputes when the clock is set (after a virtual machine
 * is resumed, or by NTP), so two processes can see one owner's start a second or more apart: a live
 * owner taken for dead would have its server stopped under it. Elsewhere the instant is kept and
 * compared with a tolerance of {@link #INSTANT_TOLERANCE_MILLIS}.
 */
final class ServerOwner {

    private static final String TICKS = "ticks:";
    private static final long INSTANT_TOLERANCE_MILLIS = 2_000;

    private final Path file;
    private final Optional<Owner> recorded;

    /** A process and its start: kernel ticks when {@code ticks}, else epoch milliseconds. */
    record Owner(long pid, long start, boolean ticks) {

        static Optional<Owner> parse(String line) {
            try {
                String[] fields = line.strip().split("\\s+");
                long pid = Long.parseLong(fields[0]);
                return fields[1].startsWith(TICKS)
                        ? Optional.of(new Owner(pid, Long.parseLong(fields[1].substring(TICKS.length())), true))
                        : Optional.of(new Owner(pid, Long.parseLong(fields[1]), false));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        static Owner of(ProcessHandle process) {
            Optional<Long> ticks = ticksSinceBoot(process.pid());
            return ticks.map(t -> new Owner(process.pid(), t, true))
                    .orElseGet(() -> new Owner(process.pid(), startMillis(process).orElse(0L), false));
        }

        String line() {
            return pid + " " + (ticks ? TICKS : "") + start + "\n";
        }

        /** Whether {@code process} (alive, with this pid) is this owner rather than a later process given its id. */
        boolean is(ProcessHandle process) {
            if (ticks) {
                return ticksSinceBoot(process.pid()).map(t -> t == start).orElse(true);
            }
            return startMillis(process).map(started -> Math.abs(started - start) <= INSTANT_TOLERANCE_MILLIS).orElse(true);
        }
    }

    private ServerOwner(Path file, Optional<Owner> recorded) {
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
                .filter(owner::is))
                .isPresent();
    }

    String describePrevious() {
        return recorded.map(owner -> "process " + owner.pid()).orElse("owner unknown");
    }

    /** Records this process as the owner. */
    void claim() throws IOException {
        Files.writeString(file, Owner.of(ProcessHandle.current()).line(), StandardCharsets.UTF_8);
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

    private static Optional<Owner> read(Path file) {
        try {
            return Owner.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Field 22 of {@code /proc/PID/stat}: the process's start in clock ticks since boot; empty without /proc. */
    static Optional<Long> ticksSinceBoot(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count from after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
