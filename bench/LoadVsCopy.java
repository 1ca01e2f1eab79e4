import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gugus.system.database.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Benchmark: the Gugus pipeline (`gugus load`, as a user runs it) against PostgreSQL's COPY of the
 * same CSV into an unconstrained table, on the same embedded server. Prints both times and their
 * ratio (pipeline / COPY) as the last line; COPY's time is the median of three COPYs, each printed.
 * Gugus runs through the {@code ./gugus} launcher, as the README runs it (GUGUS_BENCH_LAUNCHER=java:
 * {@code java -jar target/gugus.jar} instead).
 * GUGUS_BENCH_JAVA_OPTS passes options to the Gugus JVM (e.g. -Xmx256m, or a flight recording).
 * <p>
 * With a second argument R (e.g. {@code 100000 20}) it then delivers the same file R times again,
 * each time with another 1 % of its rows changed (the notes of every hundredth row), as an office's
 * cumulative monthly file does, and prints each re-delivery's whole command and its {@code stage}
 * and {@code publish} steps (from the Batch tables), their medians and the largest publish against
 * the median: a planner stall shows as one publish far above the others.
 * <p>
 * GUGUS_BENCH_FORMAT=xlsx writes the same rows as a workbook too (text in shared strings, as Excel
 * writes them) and loads that instead of the CSV; COPY still copies the CSV. Each load prints the
 * command's peak resident size and CPU time, and the embedded server's CPU time and page faults during it, then
 * how idle the machine's cores were in each phase of the command (Linux, from /proc).
 * <p>
 * BENCH_FLOOR=1 then writes what the first load left behind again, the cheapest way the server knows
 * ({@link #floor}): a floor under any load that leaves the same tables.
 * <p>
 * BENCH_STATEMENTS=N prints, after the first load, the server's time in statements during it, its N longest
 * statements and those that wrote temporary files ({@link #printStatements}): the server is started with
 * {@code pg_stat_statements} loaded, which the embedded server's own settings leave alone.
 */
public class LoadVsCopy {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Files.createTempDirectory("gugus-bench");
        Path home = work.resolve("home");
        Path csv = work.resolve("samarinda-bench.csv");
        Path oneRow = work.resolve("samarinda-one.csv");
        generate(csv, 1, rows);
        generate(oneRow, rows + 1, 1);
        System.out.printf("Generated %,d rows (%,d bytes) in %s%n", rows, Files.size(csv), csv);
        Path loaded = csv;
        if ("xlsx".equals(System.getenv("GUGUS_BENCH_FORMAT"))) {
            loaded = work.resolve("samarinda-bench.xlsx");
            long start = System.nanoTime();
            generateXlsx(loaded, rows);
            System.out.printf("Generated %,d rows as a workbook (%,d bytes) in %.1f s: %s%n", rows, Files.size(loaded),
                    (System.nanoTime() - start) / 1e9, loaded);
        }

        String longest = System.getenv("BENCH_STATEMENTS");
        int statements = longest == null || longest.isBlank() ? 0 : Integer.parseInt(longest.strip());
        if (statements > 0) {
            countStatements(home.resolve("postgres/data"));
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            double startup = gugusLoad(postgres, home, oneRow, "64.71");
            System.out.printf("gugus load of 1 row (JVM and Spring start-up, migrations): %.2f s%n", startup);
            if (statements > 0) {
                resetStatements(postgres);
            }
            double pipeline = gugusLoad(postgres, home, loaded, "64.72");
            if (statements > 0) {
                printStatements(postgres, statements);
            }
            double[] steps = lastSteps(postgres);
            System.out.printf("of which the stage step %.2f s, the publish step %.2f s%n", steps[0], steps[1]);
            double copy = copy(postgres, csv);
            System.out.printf("gugus load: %.2f s (%,.0f rows/s); start-up excluded: %.2f s%n", pipeline, rows / pipeline,
                    pipeline - startup);
            System.out.printf("COPY:       %.2f s (%,.0f rows/s)%n", copy, rows / copy);
            System.out.printf("rows=%d pipeline=%.2fs copy=%.2fs ratio=%.1f%n", rows, pipeline, copy, pipeline / copy);
            if ("1".equals(System.getenv("BENCH_FLOOR"))) {
                floor(postgres, work);
            }
            int redeliveries = args.length > 1 ? Integer.parseInt(args[1]) : 0;
            if (redeliveries > 0) {
                redeliver(postgres, home, work, rows, redeliveries, copy);
            }
        }
    }

    private static void redeliver(EmbeddedPostgres postgres, Path home, Path work, int rows, int times, double copy)
            throws Exception {
        List<Double> commands = new ArrayList<>();
        List<Double> publishes = new ArrayList<>();
        List<Double> stages = new ArrayList<>();
        for (int delivery = 1; delivery <= times; delivery++) {
            Path csv = work.resolve("samarinda-bench-%02d.csv".formatted(delivery));
            generate(csv, 1, rows, delivery);
            double command = gugusLoad(postgres, home, csv, "64.72");
            double[] steps = lastSteps(postgres);
            commands.add(command);
            stages.add(steps[0]);
            publishes.add(steps[1]);
            Files.delete(csv);
            System.out.printf("re-delivery %2d (1 %% changed): command %.2f s, stage %.2f s, publish %.2f s%n",
                    delivery, command, steps[0], steps[1]);
        }
        double medianCommand = median(commands);
        double medianPublish = median(publishes);
        double maxPublish = publishes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf("redeliveries=%d command_median=%.2fs stage_median=%.2fs publish_median=%.2fs"
                        + " publish_max=%.2fs max_over_median=%.1f ratio_to_copy=%.1f%n", times, medianCommand,
                median(stages), medianPublish, maxPublish, maxPublish / medianPublish, medianCommand / copy);
    }

    /**
     * Creates the server's data (started and stopped once) and has it load {@code pg_stat_statements} at its next
     * start, counting the statements that functions and triggers run too: a line in {@code postgresql.conf}, which
     * the options the embedded server starts with do not override.
     */
    private static void countStatements(Path data) throws IOException {
        EmbeddedPostgres.start(data, 0).close();
        Files.writeString(data.resolve("postgresql.conf"), """

                # the benchmark's statement profile (BENCH_STATEMENTS)
                shared_preload_libraries = 'pg_stat_statements'
                pg_stat_statements.track = all
                pg_stat_statements.max = 10000
                """, StandardOpenOption.APPEND);
    }

    private static void resetStatements(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.connect("postgres");
             Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The server's time in statements since {@link #resetStatements} (those the command sent, not those run inside
     * them), and the {@code count} longest statements, those run inside a function or a trigger among them (marked
     * "inner"): each statement's seconds, calls, rows and its start, as the server normalises it.
     */
    private static void printStatements(EmbeddedPostgres postgres, int count) throws Exception {
        try (Connection connection = postgres.connect("postgres");
             Statement sql = connection.createStatement()) {
            try (ResultSet rs = sql.executeQuery("select coalesce(sum(total_exec_time), 0) / 1000,"
                    + " coalesce(sum(calls), 0) from pg_stat_statements"
                    + " where toplevel and query not like '%pg_stat_statements%'")) {
                rs.next();
                System.out.printf("statements: the server ran the command's statements %.2f s (%,d of them); the %d"
                        + " longest, with those inside functions and triggers:%n", rs.getDouble(1), rs.getLong(2),
                        count);
            }
            try (ResultSet rs = sql.executeQuery("""
                    select total_exec_time / 1000, calls, rows, toplevel,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                      from pg_stat_statements where query not like '%%pg_stat_statements%%'
                     order by total_exec_time desc limit %d
                    """.formatted(count))) {
                while (rs.next()) {
                    System.out.printf("  %7.2f s %7d calls %,10d rows %s %s%n", rs.getDouble(1), rs.getLong(2),
                            rs.getLong(3), rs.getBoolean(4) ? "     " : "inner", rs.getString(5));
                }
            }
            // a sort or a hash beyond its work_mem goes through temporary files
            try (ResultSet rs = sql.executeQuery("""
                    select temp_blks_written * current_setting('block_size')::bigint / 1e6, total_exec_time / 1000,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                      from pg_stat_statements where temp_blks_written > 0 and query not like '%pg_stat_statements%'
                     order by temp_blks_written desc
                    """)) {
                System.out.println("statements that wrote temporary files (a sort or hash beyond its memory):");
                while (rs.next()) {
                    System.out.printf("  %8.1f MB %7.2f s %s%n", rs.getDouble(1), rs.getDouble(2), rs.getString(3));
                }
            }
        }
    }

    /** Seconds of the stage and publish steps of the latest intake job execution. */
    private static double[] lastSteps(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.connect("gugus");
             var result = connection.createStatement().executeQuery("""
                     select step_name, extract(epoch from end_time - start_time)
                       from batch.batch_step_execution
                      where job_execution_id = (select max(job_execution_id) from batch.batch_job_execution)
                     """)) {
            double[] steps = new double[2];
            while (result.next()) {
                steps[result.getString(1).equals("stage") ? 0 : 1] += result.getDouble(2);
            }
            return steps;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double gugusLoad(EmbeddedPostgres postgres, Path home, Path file, String office)
            throws IOException, InterruptedException {
        // as a user runs it: through the ./gugus launcher (fast start), or with GUGUS_BENCH_LAUNCHER=java as java -jar
        boolean plainJava = "java".equals(System.getenv("GUGUS_BENCH_LAUNCHER"));
        List<String> command = new ArrayList<>();
        String javaOptions = System.getenv("GUGUS_BENCH_JAVA_OPTS");
        if (plainJava) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (javaOptions != null && !javaOptions.isBlank()) {
                command.addAll(List.of(javaOptions.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", "target/gugus.jar"));
        } else {
            command.add("./gugus");
        }
        command.addAll(List.of("load", "--regency", office, "--json", "--gugus.home=" + home, file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!plainJava && javaOptions != null && !javaOptions.isBlank()) {
            builder.environment().put("GUGUS_JAVA_OPTIONS", javaOptions.trim());
        }
        ServerCpu server = new ServerCpu(postgres.serverPid());
        long start = System.nanoTime();
        Instant began = Instant.now();
        Process process = builder.start();
        ResourceWatch watch = new ResourceWatch(process.pid());
        watch.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant ended = Instant.now();
        watch.interrupt();
        watch.join();
        System.out.println(output);
        Usage served = server.since();
        System.out.printf("  peak resident size %,d MB (anonymous at most %,d MB, mapped files' pages at most %,d MB),"
                + " CPU %.1f s (user and system, last seen); the server's CPU %.1f s, its page faults %,d%n",
                watch.peakKb / 1024, watch.peakAnonKb / 1024, watch.peakFileKb / 1024, watch.cpuTicks / 100.0,
                served.ticks() / 100.0, served.faults());
        printPhases(home, began, ended, List.copyOf(watch.machine));
        if (exit != 0 || !output.contains("\"status\":\"LOADED\"")) {
            throw new IllegalStateException("gugus load did not load " + file + " (exit " + exit + ")");
        }
        return seconds;
    }

    /**
     * The command's peak resident size (VmHWM) and CPU time, read from /proc every 100 ms while it
     * runs (the launcher execs java, so the process is the JVM); zero where there is no /proc. Of the
     * resident size, the largest anonymous part (the heap, the JVM's own) and the largest part of pages of
     * files it maps (its jars and class archive; a bounded run's records, read through a map) seen.
     */
    private static final class ResourceWatch extends Thread {
        private final long pid;
        volatile long peakKb;
        volatile long peakAnonKb;
        volatile long peakFileKb;
        volatile long cpuTicks;
        /** The machine's CPU time, whole and idle, as the watch saw it (see {@link MachineCpu}). */
        final List<MachineCpu> machine = Collections.synchronizedList(new ArrayList<>());

        ResourceWatch(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            while (!isInterrupted()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                        } else if (line.startsWith("RssAnon:")) {
                            peakAnonKb = Math.max(peakAnonKb, Long.parseLong(line.replaceAll("\\D", "")));
                        } else if (line.startsWith("RssFile:")) {
                            peakFileKb = Math.max(peakFileKb, Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    ProcessStat stat = ProcessStat.of(pid);
                    if (stat == null) {
                        return;
                    }
                    cpuTicks = stat.user() + stat.system();
                    MachineCpu now = MachineCpu.read();
                    if (now != null) {
                        machine.add(now);
                    }
                    Thread.sleep(100);
                } catch (IOException | RuntimeException e) {
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * The embedded server's CPU time (user and system) and minor page faults during a command: its postmaster's own
     * and those of its children that ended (the command's backends, parallel workers), with those of the ones still
     * running (the checkpointer, the WAL writer), taken before the command and again once the backends it opened
     * have ended. Zero where there is no /proc.
     */
    private static final class ServerCpu {
        private final long postmaster;
        private final int processes;
        private final Usage before;

        ServerCpu(long postmaster) {
            this.postmaster = postmaster;
            this.processes = children().size();
            this.before = usage();
        }

        /** The server's CPU time and page faults since this was made, once its processes are as many as then. */
        Usage since() throws InterruptedException {
            for (int wait = 0; wait < 50 && children().size() > processes; wait++) {
                Thread.sleep(100);
            }
            Usage now = usage();
            return new Usage(now.ticks() - before.ticks(), now.faults() - before.faults());
        }

        private Usage usage() {
            ProcessStat own = ProcessStat.of(postmaster);
            long ticks = own == null ? 0 : own.user() + own.system() + own.childrenUser() + own.childrenSystem();
            long faults = own == null ? 0 : own.minorFaults() + own.childrenMinorFaults();
            for (ProcessStat child : children()) {
                ticks += child.user() + child.system();
                faults += child.minorFaults();
            }
            return new Usage(ticks, faults);
        }

        /** The postmaster's running children, each as read once. */
        private List<ProcessStat> children() {
            try (var processes = Files.list(Path.of("/proc"))) {
                return processes.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+"))
                        .map(pid -> ProcessStat.of(Long.parseLong(pid)))
                        .filter(stat -> stat != null && stat.parent() == postmaster).toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }

    /** CPU time in clock ticks (a hundredth of a second) and minor page faults. */
    private record Usage(long ticks, long faults) {
    }

    /**
     * The machine's CPU time in clock ticks at a moment, over all its cores: all of it, and the idle part (idle and
     * waiting for I/O), from the first line of /proc/stat; null where there is none.
     */
    private record MachineCpu(Instant at, long total, long idle) {

        static MachineCpu read() {
            try (var lines = Files.lines(Path.of("/proc/stat"))) {
                String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= 8 && i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new MachineCpu(Instant.now(), total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * A process's line of /proc: its parent, its minor page faults and those of its children it waited for, its user
     * and system times and those of its children it waited for (clock ticks).
     */
    private record ProcessStat(long parent, long minorFaults, long childrenMinorFaults, long user, long system,
            long childrenUser, long childrenSystem) {

        /** The process's line, or null when it is gone or there is no /proc. */
        static ProcessStat of(long pid) {
            try {
                String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                return new ProcessStat(Long.parseLong(fields[1]), Long.parseLong(fields[7]), Long.parseLong(fields[8]),
                        Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                        Long.parseLong(fields[14]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static long logRead;

    /**
     * The publish step's phases as the load logged them (the publisher's statements, then persons
     * resolution and the reporting refresh after it): the log lines written since the last call, each
     * after the seconds from the command's start to the line (a phase's end: its start is its end less
     * its seconds), so that the command's timeline reads off them.
     */
    private static void printPhases(Path home, Instant began, Instant ended, List<MachineCpu> machine)
            throws IOException {
        Path log = home.resolve("logs/gugus-cli.log");
        if (!Files.exists(log)) {
            return;
        }
        byte[] all = Files.readAllBytes(log);
        String lines = new String(all, (int) Math.min(logRead, all.length), all.length - (int) Math.min(logRead, all.length),
                StandardCharsets.UTF_8);
        logRead = all.length;
        lines.lines().filter(line -> line.contains("Published file") || line.contains("Persons resolved")
                        || line.contains("Stage read") || line.contains("Answer workbook of file")
                        || line.contains("Persons not resolved") || line.contains("Reporting refreshed for")
                        || line.contains("Reporting schema rebuilt")
                        || line.contains("Started GugusApplication") || line.contains("Resolution run")
                        || line.contains("prepared ahead")
                        || line.contains("read ahead of their persons") || line.contains("written beside the rebuild")
                        || line.contains("Reports read ahead put in place"))
                .forEach(line -> System.out.println("  log: " + offset(began, line)
                        + line.substring(Math.max(0, line.indexOf(" : ") + 3))));
        printEnd(lines, ended);
        printIdle(lines, began, ended, machine);
    }

    /**
     * How much of the machine's CPU was idle in each phase of the command, from the log's lines (start-up to the
     * application started, the stage step to its "Stage read", the publish to its "Published file", the persons' run
     * to its "Resolution run", the reporting to "Persons resolved", then the end), and for how many seconds of each
     * at least 40 % of it was (on two cores, one idle): what overlapping the phases' work could still use.
     */
    private static void printIdle(String lines, Instant began, Instant ended, List<MachineCpu> machine) {
        if (machine.size() < 2) {
            return;
        }
        String[][] marks = {{"start-up", "Started GugusApplication"}, {"stage", "Stage read"},
                {"publish", "Published file"}, {"persons", " records, "}, {"reporting", "Persons resolved"}};
        List<String> names = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (String[] mark : marks) {
            Instant at = null;
            for (String line : lines.lines().toList()) {
                if (line.contains(mark[1]) && (!mark[0].equals("persons") || line.contains("Resolution run"))) {
                    at = loggedAt(line); // the last one logged
                }
            }
            if (at != null && (ends.isEmpty() || at.isAfter(ends.get(ends.size() - 1)))) {
                names.add(mark[0]);
                ends.add(at);
            }
        }
        names.add("end");
        ends.add(ended);
        StringBuilder out = new StringBuilder("  cores idle (the machine's, /proc/stat):");
        Instant from = began;
        for (int phase = 0; phase < names.size(); phase++) {
            Instant to = ends.get(phase);
            long total = 0;
            long idle = 0;
            int idleSeconds = 0;
            Instant second = from;
            long secondTotal = 0;
            long secondIdle = 0;
            for (int i = 1; i < machine.size(); i++) {
                MachineCpu a = machine.get(i - 1);
                MachineCpu b = machine.get(i);
                if (b.at().isBefore(from) || !b.at().isBefore(to)) {
                    continue;
                }
                total += b.total() - a.total();
                idle += b.idle() - a.idle();
                secondTotal += b.total() - a.total();
                secondIdle += b.idle() - a.idle();
                if (!b.at().isBefore(second.plusSeconds(1))) {
                    idleSeconds += secondTotal > 0 && secondIdle * 10 >= secondTotal * 4 ? 1 : 0;
                    second = b.at();
                    secondTotal = 0;
                    secondIdle = 0;
                }
            }
            out.append(phase == 0 ? " " : ", ").append(names.get(phase)).append(' ')
                    .append(total == 0 ? "-" : Math.round(100.0 * idle / total) + " %")
                    .append(" of %.1f s".formatted(Duration.between(from, to).toMillis() / 1000.0));
            if (idleSeconds > 0) {
                out.append(" (").append(idleSeconds).append(" s with a core idle)");
            }
            from = to;
        }
        System.out.println(out);
    }

    /**
     * The command's end: from the last line of the persons and the reporting after the publish, and from the
     * answer workbook's line, to the process's end (the wait for the answer, its write, the JVM's exit).
     */
    private static void printEnd(String lines, Instant ended) {
        Instant refreshed = null;
        Instant answered = null;
        for (String line : lines.lines().toList()) {
            if (line.contains("Persons resolved") || line.contains("Persons not resolved")) {
                refreshed = loggedAt(line);
            } else if (line.contains("Answer workbook of file")) {
                answered = loggedAt(line);
            }
        }
        if (refreshed != null && answered != null) {
            System.out.printf("  end: the process ended %.2f s after the persons' and the reporting's last line, %.2f s"
                    + " after the answer's%n", Duration.between(refreshed, ended).toNanos() / 1e9,
                    Duration.between(answered, ended).toNanos() / 1e9);
        }
    }

    /**
     * "+12.34 s [thread] " from the command's start to the line's time and the thread that logged it, or nothing
     * when the line has no time.
     */
    private static String offset(Instant began, String line) {
        Instant at = loggedAt(line);
        if (at == null) {
            return "";
        }
        int message = line.indexOf(" : ");
        int open = message < 0 ? -1 : line.lastIndexOf('[', message);
        int close = open < 0 ? -1 : line.indexOf(']', open);
        String thread = close < 0 ? "" : "[" + line.substring(open + 1, close).strip() + "] ";
        return "+%.2f s %s".formatted(Duration.between(began, at).toNanos() / 1e9, thread);
    }

    private static Instant loggedAt(String line) {
        try {
            return Instant.parse(line.substring(0, line.indexOf(' ')));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The tables of the warehouse, persons, review and reporting schemas larger than 1 MB, each written again as
     * cheaply as the server writes a table: copied out (binary, not timed), then copied back into a table created
     * in the same transaction (no WAL under the embedded server's {@code wal_level = minimal}, rows frozen), its
     * indexes built after it, and committed; one table after another, on one connection. Prints each table's
     * seconds and their sum: what writing the load's results alone costs the server, without reading, judging or
     * linking anything.
     */
    private static void floor(EmbeddedPostgres postgres, Path work) throws Exception {
        try (Connection connection = postgres.connect("gugus");
             Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind = 'r' and n.nspname in ('warehouse', 'persons', 'review', 'reporting')
                       and pg_total_relation_size(c.oid) > 1048576
                     order by pg_total_relation_size(c.oid) desc
                    """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Path rows = work.resolve("floor.bin");
            double total = 0;
            long totalBytes = 0;
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(rows)) {
                    copy.copyOut("copy " + table + " to stdout with (format binary)", out);
                }
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery("select pg_get_indexdef(indexrelid) from pg_index"
                        + " where indrelid = '" + table + "'::regclass")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ",
                                "CREATE $1INDEX ON bench_floor "));
                    }
                }
                long start = System.nanoTime();
                connection.setAutoCommit(false);
                sql.execute("set local maintenance_work_mem = '256MB'");
                sql.execute("create table bench_floor (like " + table + " including defaults)");
                try (InputStream in = Files.newInputStream(rows)) {
                    copy.copyIn("copy bench_floor from stdin with (format binary, freeze)", in);
                }
                for (String index : indexes) {
                    sql.execute(index);
                }
                long bytes;
                try (ResultSet rs = sql.executeQuery("select pg_total_relation_size('bench_floor')")) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
                connection.commit();
                double seconds = (System.nanoTime() - start) / 1e9;
                connection.setAutoCommit(true);
                sql.execute("drop table bench_floor");
                total += seconds;
                totalBytes += bytes;
                System.out.printf("floor: %-32s %,6d MB with its %d indexes in %.2f s%n", table, bytes >> 20,
                        indexes.size(), seconds);
            }
            Files.deleteIfExists(rows);
            System.out.printf("floor: %d tables, %,d MB, written again in %.2f s on one connection%n", tables.size(),
                    totalBytes >> 20, total);
        }
    }

    /** Times of COPY taken, the median of them the baseline: one COPY's time varied by a fifth between runs. */
    private static final int COPIES = 3;

    /** The median seconds of {@value #COPIES} COPYs of the file, each into a table of its own, all printed. */
    private static double copy(EmbeddedPostgres postgres, Path csv) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            times.add(copyOnce(postgres, csv));
        }
        System.out.printf("COPY times: %s s (median taken)%n",
                String.join(", ", times.stream().map(t -> "%.2f".formatted(t)).toList()));
        return median(times);
    }

    private static double copyOnce(EmbeddedPostgres postgres, Path csv) throws Exception {
        try (Connection connection = postgres.connect("gugus")) {
            connection.createStatement().execute("drop table if exists bench_copy");
            connection.createStatement().execute("create table bench_copy (" + String.join(", ",
                    HEADER.stream().map(h -> "c" + HEADER.indexOf(h) + " text").toList()) + ")");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_copy from stdin with (format csv, delimiter ';', header true)", reader);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.createStatement().execute("drop table bench_copy");
            return seconds;
        }
    }

    private static final List<String> HEADER = List.of("No.", "No. Registrasi", "Tanggal Lapor", "Tanggal Kejadian",
            "Nama Korban", "NIK", "Jenis Kelamin", "Tanggal Lahir", "Umur", "Kabupaten/Kota Asal", "Alamat",
            "Bentuk Eksploitasi", "Modus", "Negara Tujuan", "Proses Hukum", "Layanan", "Keterangan");

    private static final String[] GIVEN = {"Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Ani", "Yuli", "Rahma", "Fitri",
            "Dian", "Eka", "Putri", "Indah", "Lestari", "Ayu", "Ratna", "Wulan", "Ika", "Maria", "Agustina", "Yohana",
            "Hasna", "Halimah", "Aminah", "Rosmini", "Sulastri", "Kartini", "Sumarni", "Suryani", "Yanti", "Mega", "Novi",
            "Desi", "Linda", "Evi", "Tuti", "Sari", "Nining", "Juwita"};
    private static final String[] MIDDLE = {"Aisyah", "Nurul", "Dwi", "Tri", "Kurnia", "Permata", "Cahaya", "Intan",
            "Mutiara", "Anggraini", "Puspita", "Handayani", "Wahyuni", "Rahayu", "Susanti", "Lestari", "Pratiwi",
            "Maharani", "Safitri", "Oktaviani", "Fatimah", "Zahra", "Melati", "Kasih", "Utami"};
    private static final String[] FAMILY = {"", "binti Ahmad", "binti Usman", "Simanjuntak", "Lubis", "Siregar",
            "Harahap", "Nainggolan", "Saragih", "Hasibuan", "Tambunan", "Manurung", "Pasaribu", "Daeng", "Wijaya",
            "Kusuma", "Santoso", "Hidayat", "Saputra", "Gunawan", "Setiawan", "Hakim", "Ramadhan", "Syahputra",
            "Tanjung", "Situmorang", "Panjaitan", "Sinaga", "Sitompul", "Nasution"};

    /**
     * Valid victim rows: unique case numbers and NIKs, values drawn from the template's vocabularies,
     * names from pools of Indonesian name parts (30,000 names: namesakes, as in life, with the same
     * birth date only 210,000 rows apart, and then with NIKs of another district), so that the
     * unique-victim linkage inside the load sees realistic names and not placeholders.
     */
    private static void generate(Path file, int first, int count) throws IOException {
        generate(file, first, count, 0);
    }

    /**
     * As above, as delivered the d-th time again: the notes of the rows with n % 100 < d say in
     * which delivery they changed, so each delivery changes another 1 % and keeps the earlier changes.
     */
    private static void generate(Path file, int first, int count, int delivery) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(";", HEADER));
            out.newLine();
            rows(first, count, delivery, values -> {
                try {
                    out.write(String.join(";", values));
                    out.newLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static void rows(int first, int count, int delivery, Consumer<String[]> row) {
        String[] exploitation = {"Eksploitasi Seksual", "Kerja Paksa", "PRT", "ABK", "Online Scam"};
        String[] recruitment = {"Media Sosial", "Tawaran Kerja", "Jeratan Utang", "Pacar"};
        String[] stage = {"Laporan", "Penyelidikan", "Penyidikan", "P21", "Vonis"};
        String[] country = {"Malaysia", "Arab Saudi", "Kamboja", "Dalam Negeri", "Taiwan"};
        for (int n = first; n < first + count; n++) {
            boolean woman = n % 3 != 0;
            int day = 1 + n % 28;
            int month = 1 + n % 12;
            int year = 1980 + n % 25;
            String nik = "6472%02d%02d%02d%02d%04d".formatted(1 + (n / 10_000) % 99, day + (woman ? 40 : 0), month,
                    year % 100, n % 10_000);
            row.accept(new String[] {String.valueOf(n), "TPPO/%06d".formatted(n / 2), "05/06/2024", "01/05/2024",
                    name(n), nik, woman ? "P" : "L", "%02d/%02d/%d".formatted(day, month, year), "",
                    "Samarinda", "Jl. Contoh No. " + n, exploitation[n % 5], recruitment[n % 4], country[n % 5],
                    stage[n % 5], "Rumah Aman, Visum",
                    n % 100 < delivery ? "diperbarui pada pengiriman " + (n % 100 + 1) : ""});
        }
    }

    /**
     * The same rows as {@link #generate(Path, int, int)} as an XLSX workbook, written part by part
     * (POI's writer holds the shared strings as objects, gigabytes for a million rows): No. as a
     * number, every other cell as a shared string, the values of bounded pools shared, the unique
     * ones (case number, NIK, address) one string each, as Excel writes them.
     */
    private static void generateXlsx(Path file, int rows) throws IOException {
        Path strings = Files.createTempFile(file.getParent(), "shared-strings", ".xml");
        Map<String, Integer> shared = new HashMap<>();
        int[] count = {0};
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file));
             BufferedWriter sst = Files.newBufferedWriter(strings, StandardCharsets.UTF_8)) {
            BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            part(zip, out, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type + "worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + type + "sharedStrings+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + type + "styles+xml\"/></Types>");
            part(zip, out, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, out, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, out, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
            part(zip, out, "xl/styles.xml", "<styleSheet xmlns=\"" + main + "\"><fonts count=\"1\"><font/></fonts>"
                    + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + main
                    + "\"><sheetData>");
            int[] row = {0};
            Consumer<String[]> sheetRow = values -> {
                try {
                    row[0]++;
                    out.write("<row r=\"" + row[0] + "\">");
                    for (int c = 0; c < values.length; c++) {
                        if (values[c].isEmpty()) {
                            continue;
                        }
                        String ref = (char) ('A' + c) + String.valueOf(row[0]);
                        if (c == 0 && row[0] > 1) {
                            out.write("<c r=\"" + ref + "\"><v>" + values[c] + "</v></c>");
                            continue;
                        }
                        boolean unique = row[0] > 1 && (c == 1 || c == 5 || c == 10);
                        Integer index = unique ? null : shared.get(values[c]);
                        if (index == null) {
                            index = count[0]++;
                            sst.write("<si><t>" + values[c] + "</t></si>");
                            if (!unique) {
                                shared.put(values[c], index);
                            }
                        }
                        out.write("<c r=\"" + ref + "\" t=\"s\"><v>" + index + "</v></c>");
                    }
                    out.write("</row>");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            sheetRow.accept(HEADER.toArray(String[]::new));
            rows(1, rows, 0, sheetRow);
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
            sst.flush();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"" + main
                    + "\" uniqueCount=\"" + count[0] + "\">");
            out.flush();
            Files.copy(strings, zip);
            out.write("</sst>");
            out.flush();
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(strings);
        }
    }

    private static void part(ZipOutputStream zip, BufferedWriter out, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        out.flush();
        zip.closeEntry();
    }

    private static String name(int n) {
        String family = FAMILY[(n / (GIVEN.length * MIDDLE.length)) % FAMILY.length];
        return (GIVEN[n % GIVEN.length] + " " + MIDDLE[(n / GIVEN.length) % MIDDLE.length] + " " + family).strip();
    }
}
