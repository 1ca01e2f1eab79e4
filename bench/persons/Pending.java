import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.gugus.system.database.EmbeddedPostgres;

/**
 * The incremental resolution of many new records, alone and repeatable: on the database of an earlier
 * bench (the folder of `bench/load-vs-copy.sh` or `bench/persons/run.sh`; it is changed: copy a folder
 * you want to keep), the N records of the highest ids (all when N is 0) are made new again (their
 * persons, links, queued pairs and block keys deleted, themselves listed as pending), then
 * `./gugus persons resolve --json` resolves them as a load does (through the launcher: the quick
 * compiler and the serial collector). Prints the run's phases, its seconds, the peak heap from the
 * JVM's GC log and a digest of the outcome (persons as sets of records, links, open queued pairs, block keys) to
 * compare two versions of the code on the same data. With a third argument {@code kept} the N records, spread
 * over the store, only have their versions moved on (a re-delivery's records whose linkage fields did not change:
 * each keeps its person). GUGUS_BENCH_JAVA_OPTS adds JVM options
 * (e.g. -Xmx256m). No personal data is printed.
 */
public class Pending {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).resolve("home");
        long count = args.length > 1 ? Long.parseLong(args[1]) : 0;
        // "kept": the records' versions moved on, nothing linkage reads changed (a re-delivery's kept records)
        boolean kept = args.length > 2 && args[2].equals("kept");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection db = postgres.connect("gugus");
                Statement sql = db.createStatement()) {
            // kept: records spread over the store as a re-delivery's changed rows are (the highest ids share a few pages)
            sql.execute("create temporary table bench_pending as select id, version from warehouse.victim order by "
                    + (kept ? "md5(id::text)" : "id desc") + (count > 0 ? " limit " + count : ""));
            sql.execute("create index on bench_pending (id)");
            sql.execute("analyze bench_pending");
            // with a small work_mem the "in (select ...)" of a million ids is not hashed but scanned per row
            sql.execute("set work_mem = '256MB'");
            List<String> clearing = count > 0 || kept ? List.of() : List.of(
                    "truncate persons.person_link, persons.block, persons.victim_block, persons.victim_person");
            for (String statement : clearing) {
                sql.execute(statement);
            }
            List<String> making = kept ? List.of(
                    "update warehouse.victim v set version = v.version + 1 from bench_pending b where b.id = v.id",
                    "checkpoint") : List.of(
                    "delete from persons.person_link where victim_a in (select id from bench_pending)"
                            + " or victim_b in (select id from bench_pending)",
                    "delete from persons.candidate_pair where victim_a in (select id from bench_pending)"
                            + " or victim_b in (select id from bench_pending)",
                    "select persons.forget_block_keys_of(array(select id from bench_pending))",
                    "delete from persons.victim_person where victim_id in (select id from bench_pending)",
                    "delete from persons.pending_victim",
                    "insert into persons.pending_victim (victim_id, victim_version) select id, version from bench_pending",
                    "vacuum analyze persons.block", "vacuum analyze persons.victim_block",
                    "vacuum analyze persons.victim_person",
                    "vacuum analyze persons.person_link", "vacuum analyze persons.candidate_pair",
                    "checkpoint");
            for (String statement : making) {
                sql.execute(statement);
            }
            // GUGUS_BENCH_PG_LOG_MS: the server logs each statement of the run taking at least that long (postgres.log)
            String logMs = System.getenv().getOrDefault("GUGUS_BENCH_PG_LOG_MS", "-1");
            sql.execute("alter system set log_min_duration_statement = " + Integer.parseInt(logMs));
            sql.execute("select pg_reload_conf()");
            long pending = single(sql, "select count(*) from bench_pending");
            long store = single(sql, "select count(*) from warehouse.victim");
            System.out.printf("%,d of %,d records made pending" + (kept ? " (versions moved on)" : "") + "%n", pending, store);

            Path gcLog = home.resolveSibling("gc-pending.log");
            List<String> command = new ArrayList<>(List.of("./gugus", "persons", "resolve", "--json",
                    "--gugus.home=" + home));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            String options = System.getenv().getOrDefault("GUGUS_BENCH_JAVA_OPTS", "");
            builder.environment().put("GUGUS_JAVA_OPTIONS", (options + " -Xlog:gc:file=" + gcLog).trim());
            long logStart = Files.exists(home.resolve("logs/gugus-cli.log")) ? Files.size(home.resolve("logs/gugus-cli.log")) : 0;
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(0).trim());
            double serverCpuBefore = serverCpu(postmaster);
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1000);
            // the command's server process has exited and been reaped by then: its CPU is in the postmaster's
            double serverCpu = serverCpu(postmaster) - serverCpuBefore;
            String log = Files.readString(home.resolve("logs/gugus-cli.log"));
            log.substring((int) Math.min(logStart, log.length())).lines()
                    .filter(line -> line.contains("Resolution run") || line.contains("OutOfMemory"))
                    .forEach(line -> System.out.println("  log: " + line.substring(Math.max(0, line.indexOf(" : ") + 3))));
            if (exit != 0) {
                System.out.println(output.lines().filter(l -> !l.contains("at ")).limit(20).reduce("", (a, b) -> a + b + "\n"));
            }
            String run = text(sql, "select round(extract(epoch from finished_at - started_at), 2) from persons.resolution_run"
                    + " order by id desc limit 1");
            long left = single(sql, "select count(*) from persons.pending_victim");
            String persons = text(sql, """
                    select md5(string_agg(members, ';' order by members)) from (
                      select string_agg(victim_id::text, ',' order by victim_id) members from persons.victim_person
                       group by person_id) p""");
            String links = text(sql, "select count(*) || ':' || md5(coalesce(string_agg(victim_a || ',' || victim_b || ','"
                    + " || round(probability::numeric, 6), ';' order by victim_a, victim_b), '')) from persons.person_link");
            String queue = text(sql, "select count(*) || ':' || md5(coalesce(string_agg(victim_a || ',' || victim_b, ';'"
                    + " order by victim_a, victim_b), '')) from persons.candidate_pair where status = 'OPEN'");
            String blocks = text(sql, "select count(*) || ':' || md5(coalesce(string_agg(key_hash || ',' || victim_id, ';'"
                    + " order by key_hash, victim_id), '')) from persons.block, unnest(victims) victim_id");
            System.out.printf("pending=%d store=%d exit=%d command=%.1fs resolve=%ss heap=%dMiB left_pending=%d"
                    + " server_cpu=%.2fs load=%s%n", pending, store, exit, seconds, run, peakHeap(gcLog), left, serverCpu,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.printf("digest persons=%s links=%s queue=%s blocks=%s%n", persons, links, queue, blocks);
        }
    }

    /**
     * CPU seconds of the PostgreSQL server: the postmaster's own and its reaped children's (the backends
     * that have exited), from /proc (Linux); a session still open (this bench's) is not counted.
     */
    private static double serverCpu(long postmaster) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + postmaster + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= 14; i++) { // utime, stime, cutime, cstime (fields 14-17 of stat)
            ticks += Long.parseLong(fields[i]);
        }
        return ticks / 100.0;
    }

    /** The largest heap in use before a collection, from a JVM's GC log (-Xlog:gc). */
    private static long peakHeap(Path gcLog) throws java.io.IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        java.util.regex.Matcher used = java.util.regex.Pattern.compile(" (\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (used.find()) {
            peak = Math.max(peak, Long.parseLong(used.group(1)));
        }
        return peak;
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }
}
