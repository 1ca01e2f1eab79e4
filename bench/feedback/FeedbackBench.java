import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gugus.system.database.EmbeddedPostgres;

/**
 * Benchmark: the answer workbook ("Hasil Pemeriksaan") of a 100,000-row file, made by
 * `gugus feedback ID --out FILE` exactly as a user runs it, under a small heap. Loads a generated
 * CSV and as many other rows as an XLSX (5 % of rows rejected, 5 % with a warning; realistic, varied
 * names and NIKs, and no victim in both, so the set-up loads link little and stay quick), then makes each
 * file's answer in a new JVM with GUGUS_BENCH_JAVA_OPTS (default -Xmx256m). Prints the time the
 * command reports for the workbook itself, the whole command, and the JVM's peak heap use. Given the
 * folder of an earlier run as its second argument, it makes the answers again from that run's
 * database without generating or loading anything (the loads take minutes; the answers do not).
 */
public class FeedbackBench {

    private static final List<String> HEADER = List.of("No.", "No. Registrasi", "Tanggal Lapor", "Tanggal Kejadian",
            "Nama Korban", "NIK", "Jenis Kelamin", "Tanggal Lahir", "Umur", "Kabupaten/Kota Asal", "Alamat",
            "Bentuk Eksploitasi", "Modus", "Negara Tujuan", "Proses Hukum", "Layanan", "Keterangan");

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("gugus-feedback-bench");
        Path home = work.resolve("home");
        Path loaded = work.resolve("loaded-file-ids");
        boolean again = Files.isRegularFile(loaded);
        if (!again) {
            Path csv = csv(work.resolve("samarinda-bench.csv"), rows(1, rows));
            Path xlsx = xlsx(work.resolve("balikpapan-bench.xlsx"), rows(1 + rows, rows));
            csv(work.resolve("berau-one.csv"), rows(1 + 2 * rows, 1));
            System.out.printf("Generated %,d rows: CSV %,d bytes, XLSX %,d bytes in %s%n", rows, Files.size(csv),
                    Files.size(xlsx), work);
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            long oneId;
            long csvId;
            long xlsxId;
            if (again) {
                String[] ids = Files.readString(loaded).trim().split(" ");
                oneId = Long.parseLong(ids[0]);
                csvId = Long.parseLong(ids[1]);
                xlsxId = Long.parseLong(ids[2]);
                System.out.printf("Files loaded by an earlier run in %s: #%d, #%d (CSV), #%d (XLSX)%n", work, oneId, csvId,
                        xlsxId);
            } else {
                oneId = load(home, work.resolve("berau-one.csv"), "64.03");
                csvId = load(home, work.resolve("samarinda-bench.csv"), "64.72");
                xlsxId = load(home, work.resolve("balikpapan-bench.xlsx"), "64.71");
                Files.writeString(loaded, oneId + " " + csvId + " " + xlsxId + "\n");
                System.out.printf("To time the answers again without loading: bench/feedback/run.sh %d %s%n", rows, work);
            }
            Result startup = feedback(home, oneId, work.resolve("one-hasil.xlsx"));
            System.out.printf("1-row answer (JVM and Spring start-up): answer %.2f s, command %.2f s, CPU %.1f s%n",
                    startup.answer, startup.command, startup.cpu);
            for (long id : new long[] {csvId, xlsxId}) {
                Path out = work.resolve(id + "-hasil.xlsx");
                Result result = feedback(home, id, out);
                System.out.printf("file #%d: answer %.2f s, whole command %.2f s (CPU %.1f s), %,d bytes, peak heap %s%n",
                        id, result.answer, result.command, result.cpu, Files.size(out), result.heap);
                System.out.printf("rows=%d file=%s answer=%.2fs command=%.2fs cpu=%.1fs heap=%s%n", rows,
                        id == csvId ? "csv" : "xlsx", result.answer, result.command, result.cpu, result.heap);
            }
        }
    }

    private record Result(double answer, double command, double cpu, String heap) {
    }

    private static long load(Path home, Path file, String office) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String output = gugus(home, List.of(), "load", "--regency", office, "--json", file.toString());
        System.out.printf("gugus load %s: %.1f s (CPU %.1f s)%n", file.getFileName(), (System.nanoTime() - start) / 1e9,
                cpu(output));
        Matcher id = Pattern.compile("\"file_id\":(\\d+)").matcher(output);
        if (!output.contains("\"status\":\"LOADED\"") || !id.find()) {
            throw new IllegalStateException("gugus load did not load " + file + ": " + output);
        }
        return Long.parseLong(id.group(1));
    }

    private static Result feedback(Path home, long id, Path out) throws IOException, InterruptedException {
        String options = System.getenv().getOrDefault("GUGUS_BENCH_JAVA_OPTS", "-Xmx256m");
        Path gc = out.resolveSibling(out.getFileName() + ".gc.log");
        List<String> jvm = new ArrayList<>(List.of(options.trim().split("\\s+")));
        jvm.add("-Xlog:gc:file=" + gc);
        long start = System.nanoTime();
        String err = gugus(home, jvm, "feedback", String.valueOf(id), "--out", out.toString());
        double command = (System.nanoTime() - start) / 1e9;
        Matcher seconds = Pattern.compile("in ([0-9.]+) s").matcher(err);
        if (!seconds.find()) {
            throw new IllegalStateException("gugus feedback " + id + " said: " + err);
        }
        return new Result(Double.parseDouble(seconds.group(1)), command, cpu(err), peakHeap(gc));
    }

    /** The most heap in use before any collection, from the GC log (e.g. "GC(12) Pause Young ... 180M->40M(256M)"). */
    private static String peakHeap(Path gcLog) throws IOException {
        Matcher used = Pattern.compile("(\\d+)M->\\d+M\\((\\d+)M\\)").matcher(Files.readString(gcLog));
        int peak = 0;
        int max = 0;
        while (used.find()) {
            peak = Math.max(peak, Integer.parseInt(used.group(1)));
            max = Math.max(max, Integer.parseInt(used.group(2)));
        }
        return peak + "M of " + max + "M";
    }

    /** GNU time, when there, for the CPU seconds of each command: on a shared machine they say more than the wall time. */
    private static final Path TIME = Path.of("/usr/bin/time");

    /** The CPU seconds (user + system) GNU time reported last in {@code err}, or -1. */
    private static double cpu(String err) {
        Matcher cpu = Pattern.compile("(?m)^cpu ([0-9.]+) ([0-9.]+)$").matcher(err);
        double seconds = -1;
        while (cpu.find()) {
            seconds = Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2));
        }
        return seconds;
    }

    /** Runs the jar in a new JVM; returns stdout for load, stderr for feedback (both are printed on failure). */
    private static String gugus(Path home, List<String> jvm, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", "cpu %U %S"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", "target/gugus.jar"));
        command.addAll(List.of(arguments));
        command.add("--gugus.home=" + home);
        Path errors = Files.createTempFile("gugus-bench", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String err = Files.readString(errors);
        if (exit != 0 && exit != 2) {
            throw new IllegalStateException(String.join(" ", arguments) + " exited " + exit + ":\n" + out + err);
        }
        return arguments[0].equals("load") ? out + "\n" + err : err;
    }

    static final String[] GIVEN = {"Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Ani", "Yuli", "Rahma", "Fitri", "Dian",
            "Eka", "Putri", "Indah", "Lestari", "Ayu", "Ratna", "Wulan", "Ika", "Maria", "Agustina", "Yohana", "Hasna",
            "Halimah", "Aminah", "Rosmini", "Sulastri", "Kartini", "Sumarni", "Suryani", "Yanti", "Mega", "Novi",
            "Desi", "Linda", "Evi", "Tuti", "Sari", "Nining", "Juwita", "Budi", "Agus", "Rudi", "Yusuf", "Andi"};
    static final String[] MIDDLE = {"Aisyah", "Nurul", "Dwi", "Tri", "Kurnia", "Permata", "Cahaya", "Intan", "Mutiara",
            "Anggraini", "Puspita", "Handayani", "Wahyuni", "Rahayu", "Susanti", "Lestari", "Pratiwi", "Maharani",
            "Safitri", "Oktaviani", "Fatimah", "Zahra", "Melati", "Kasih", "Utami", "Purnama", "Sekar"};
    static final String[] FAMILY = {"", "binti Ahmad", "binti Usman", "Simanjuntak", "Lubis", "Siregar", "Harahap",
            "Nainggolan", "Saragih", "Hasibuan", "Tambunan", "Manurung", "Pasaribu", "Daeng", "Wijaya", "Kusuma",
            "Santoso", "Hidayat", "Saputra", "Gunawan", "Setiawan", "Hakim", "Ramadhan", "Syahputra", "Tanjung",
            "Situmorang", "Panjaitan", "Sinaga", "Sitompul", "Nasution", "Pohan", "Rangkuti"};
    /** Regencies of Kalimantan Timur with their NIK region codes. */
    static final String[][] REGENCIES = {{"01", "Paser"}, {"02", "Kutai Barat"}, {"03", "Kutai Kartanegara"},
            {"04", "Kutai Timur"}, {"05", "Berau"}, {"09", "Penajam Paser Utara"}, {"11", "Mahakam Ulu"},
            {"71", "Balikpapan"}, {"72", "Samarinda"}, {"74", "Bontang"}};

    /**
     * Rows numbered {@code first} .. {@code first + count - 1}: varied names (given, middle and family
     * name parts from pools, some 38,000 combinations), birth dates spread over 33 years, NIKs of
     * varied regencies and districts that agree with sex and birth date; every 20th row's NIK cut to
     * 8 digits (rejected) and every 20th + 10 with the other sex than its NIK says (warning).
     */
    private static List<List<String>> rows(int first, int count) {
        String[] exploitation = {"Eksploitasi Seksual", "Kerja Paksa", "PRT", "ABK", "Online Scam"};
        String[] recruitment = {"Media Sosial", "Tawaran Kerja", "Jeratan Utang", "Pacar"};
        String[] stage = {"Laporan", "Penyelidikan", "Penyidikan", "P21", "Vonis"};
        String[] country = {"Malaysia", "Arab Saudi", "Kamboja", "Dalam Negeri", "Taiwan"};
        String[] street = {"Jl. Pahlawan", "Jl. Merdeka", "Jl. Sudirman", "Gg. Mawar", "Jl. Antasari", "Jl. Juanda"};
        List<List<String>> rows = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            boolean woman = n % 3 != 0;
            LocalDate born = LocalDate.of(1975, 1, 1).plusDays(n * 7919L % 12_000);
            String[] regency = REGENCIES[n % REGENCIES.length];
            String family = FAMILY[(n / (GIVEN.length * MIDDLE.length)) % FAMILY.length];
            String name = GIVEN[n % GIVEN.length] + " " + MIDDLE[(n / GIVEN.length) % MIDDLE.length]
                    + (family.isEmpty() ? "" : " " + family);
            String nik = "64%s%02d%02d%02d%02d%04d".formatted(regency[0], 1 + (n / 7) % 20,
                    born.getDayOfMonth() + (woman ? 40 : 0), born.getMonthValue(), born.getYear() % 100, 1 + n % 9999);
            if (n % 20 == 0) {
                nik = nik.substring(0, 8);
            }
            String sex = woman ? "P" : "L";
            if (n % 20 == 10) {
                sex = woman ? "L" : "P";
            }
            rows.add(List.of(String.valueOf(n - first + 1), "TPPO/%06d".formatted(n / 2), "05/06/2024", "01/05/2024",
                    name, nik, sex, "%02d/%02d/%d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear()),
                    "", regency[1], street[n % street.length] + " No. " + (1 + n % 150), exploitation[n % 5],
                    recruitment[n % 4], country[n % 5], stage[n % 5], "Rumah Aman, Visum", ""));
        }
        return rows;
    }

    private static Path csv(Path file, List<List<String>> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(";", HEADER));
            out.newLine();
            for (List<String> row : rows) {
                out.write(String.join(";", row));
                out.newLine();
            }
        }
        return file;
    }

    private static Path xlsx(Path file, List<List<String>> rows) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, 200, true, true); OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = book.createSheet("Data Korban");
            write(sheet.createRow(0), HEADER);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 1), rows.get(r));
            }
            book.write(out);
        }
        return file;
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            if (!values.get(c).isEmpty()) {
                row.createCell(c).setCellValue(values.get(c));
            }
        }
    }
}
