import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.gugus.system.database.EmbeddedPostgres;

/**
 * Benchmark: start-up to the first row of a {@code gugus load} of one row, through the {@code ./gugus}
 * launcher as the README runs it, beside a database already running (as beside a server). Each run's
 * figure is the stage step's start (from the Batch tables) minus the moment the command was launched;
 * prints each run, then their median and range as the last line. A first load beforehand applies the
 * migrations, so that no run pays for them. GUGUS_BENCH_JAVA_OPTS passes options to the Gugus JVM.
 */
public class StartupToFirstRow {

    private static final String HEADER = "No.;No. Registrasi;Tanggal Lapor;Tanggal Kejadian;Nama Korban;NIK;"
            + "Jenis Kelamin;Tanggal Lahir;Umur;Kabupaten/Kota Asal;Alamat;Bentuk Eksploitasi;Modus;Negara Tujuan;"
            + "Proses Hukum;Layanan;Keterangan";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("gugus-bench-startup");
        Path home = work.resolve("home");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            load(home, oneRow(work, 0));
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path file = oneRow(work, run);
                double launched = System.currentTimeMillis() / 1000.0;
                load(home, file);
                double firstRow = firstRow(postgres) - launched;
                seconds.add(firstRow);
                System.out.printf("run %d: launch to the first row %.2f s%n", run, firstRow);
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf("runs=%d first_row_median=%.2fs min=%.2fs max=%.2fs%n", runs, sorted.get(runs / 2),
                    sorted.get(0), sorted.get(runs - 1));
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A valid one-row file; each run's its own registration number, so that each is a new record. */
    private static Path oneRow(Path work, int run) throws IOException {
        Path file = work.resolve("samarinda-startup-%02d.csv".formatted(run));
        Files.writeString(file, HEADER + "\n" + "1;SU-%d;05/06/2024;01/06/2024;Siti Contoh;;P;;24;Kota Samarinda;"
                .formatted(run) + "Jl. Contoh;Eksploitasi Seksual;Media Sosial;Malaysia;Penyidikan;Rumah Aman;\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static void load(Path home, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./gugus", "load", "--regency", "64.72", "--json",
                "--gugus.home=" + home, file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        String javaOptions = System.getenv("GUGUS_BENCH_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            builder.environment().put("GUGUS_JAVA_OPTIONS", javaOptions.trim());
        }
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("gugus load failed with exit code " + process.exitValue());
        }
    }

    /** The start of the latest stage step, in seconds since the epoch (the server's clock is this machine's). */
    private static double firstRow(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("gugus"), postgres.user(),
                postgres.password());
             var result = connection.createStatement().executeQuery("""
                     select extract(epoch from start_time) from batch.batch_step_execution
                      where step_name = 'stage' order by step_execution_id desc limit 1
                     """)) {
            result.next();
            return result.getDouble(1);
        }
    }
}
