import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.gugus.system.database.EmbeddedPostgres;

/**
 * Benchmark: start-up to the first row of a {@code gugus load} of one row, through the {@code ./gugus}
 * launcher as the README runs it, beside a database already running (as beside a server). Each run's
 * figure is the stage step's start (from the Batch tables) minus the moment the command was launched;
 * beside it, where {@code /proc} shows them, the CPU of the main thread up to that start and of the
 * whole command (sampled every 20 ms; steadier than wall time on a shared machine). Prints each run,
 * then their medians and range as the last line. A first load beforehand applies the migrations, so
 * that no run pays for them. GUGUS_BENCH_JAVA_OPTS passes options to the Gugus JVM.
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
            List<Double> mainCpu = new ArrayList<>();
            List<Double> commandCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path file = oneRow(work, run);
                double launched = System.currentTimeMillis() / 1000.0;
                List<CpuSample> samples = load(home, file);
                double firstRowAt = firstRow(postgres);
                double firstRow = firstRowAt - launched;
                seconds.add(firstRow);
                double main = samples.stream().filter(sample -> sample.at() <= firstRowAt)
                        .mapToDouble(CpuSample::mainThread).max().orElse(Double.NaN);
                double command = samples.stream().mapToDouble(CpuSample::command).max().orElse(Double.NaN);
                mainCpu.add(main);
                commandCpu.add(command);
                System.out.printf("run %d: launch to the first row %.2f s, main thread's CPU to it %.2f s, command's CPU %.2f s%n",
                        run, firstRow, main, command);
            }
            System.out.printf("runs=%d first_row_median=%.2fs min=%.2fs max=%.2fs main_cpu_median=%.2fs command_cpu_median=%.2fs%n",
                    runs, median(seconds), min(seconds), max(seconds), median(mainCpu), median(commandCpu));
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

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** CPU seconds used so far by the main thread and by the whole command, read at a moment (epoch seconds). */
    private record CpuSample(double at, double mainThread, double command) {

        private static final double TICKS = 100.0;

        /** From {@code /proc}; {@code null} where it is not there (the process ended, another system). */
        static CpuSample of(long pid) {
            double at = System.currentTimeMillis() / 1000.0;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                double command = seconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
                double main = 0;
                for (Path task : tasks.toList()) {
                    String stat = Files.readString(task.resolve("stat"));
                    // the JVM names its own threads; the launcher's thread and the main thread keep "java"
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("java")) {
                        main += seconds(stat);
                    }
                }
                return new CpuSample(at, main, command);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static double seconds(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        }
    }

    private static List<CpuSample> load(Path home, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./gugus", "load", "--regency", "64.72", "--json",
                "--gugus.home=" + home, file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        String javaOptions = System.getenv("GUGUS_BENCH_JAVA_OPTS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            builder.environment().put("GUGUS_JAVA_OPTIONS", javaOptions.trim());
        }
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<CpuSample> samples = new ArrayList<>();
        while (process.isAlive()) {
            CpuSample sample = CpuSample.of(process.pid());
            if (sample != null) {
                samples.add(sample);
            }
            Thread.sleep(20);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("gugus load failed with exit code " + process.exitValue());
        }
        return samples;
    }

    /** The start of the latest stage step, in seconds since the epoch (the server's clock is this machine's). */
    private static double firstRow(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.connect("gugus");
             var result = connection.createStatement().executeQuery("""
                     select extract(epoch from start_time) from batch.batch_step_execution
                      where step_name = 'stage' order by step_execution_id desc limit 1
                     """)) {
            result.next();
            return result.getDouble(1);
        }
    }
}
