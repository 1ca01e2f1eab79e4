import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * CSV and the same rows as an XLSX (5 % of rows rejected, 5 % with a warning), then makes each
 * file's answer in a new JVM with GUGUS_BENCH_JAVA_OPTS (default -Xmx256m). Prints the time the
 * command reports for the workbook itself, the whole command, and the JVM's peak heap use.
 */
public class FeedbackBench {

    private static final List<String> HEADER = List.of("No.", "No. Registrasi", "Tanggal Lapor", "Tanggal Kejadian",
            "Nama Korban", "NIK", "Jenis Kelamin", "Tanggal Lahir", "Umur", "Kabupaten/Kota Asal", "Alamat",
            "Bentuk Eksploitasi", "Modus", "Negara Tujuan", "Proses Hukum", "Layanan", "Keterangan");

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Files.createTempDirectory("gugus-feedback-bench");
        Path home = work.resolve("home");
        List<List<String>> data = rows(rows);
        Path csv = csv(work.resolve("samarinda-bench.csv"), data);
        Path xlsx = xlsx(work.resolve("balikpapan-bench.xlsx"), data);
        Path one = csv(work.resolve("berau-one.csv"), rows(1));
        System.out.printf("Generated %,d rows: CSV %,d bytes, XLSX %,d bytes in %s%n", rows, Files.size(csv),
                Files.size(xlsx), work);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            long oneId = load(home, one, "64.03");
            long csvId = load(home, csv, "64.72");
            long xlsxId = load(home, xlsx, "64.71");
            Result startup = feedback(home, oneId, work.resolve("one-hasil.xlsx"));
            System.out.printf("1-row answer (JVM and Spring start-up): command %.2f s%n", startup.command);
            for (long id : new long[] {csvId, xlsxId}) {
                Path out = work.resolve(id + "-hasil.xlsx");
                Result result = feedback(home, id, out);
                System.out.printf("file #%d: answer %.2f s, whole command %.2f s, %,d bytes, peak heap %s%n", id,
                        result.answer, result.command, Files.size(out), result.heap);
                System.out.printf("rows=%d file=%s answer=%.2fs command=%.2fs heap=%s%n", rows,
                        id == csvId ? "csv" : "xlsx", result.answer, result.command, result.heap);
            }
        }
    }

    private record Result(double answer, double command, String heap) {
    }

    private static long load(Path home, Path file, String office) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String output = gugus(home, List.of(), "load", "--regency", office, "--json", file.toString());
        System.out.printf("gugus load %s: %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
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
        return new Result(Double.parseDouble(seconds.group(1)), command, peakHeap(gc));
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

    /** Runs the jar in a new JVM; returns stdout for load, stderr for feedback (both are printed on failure). */
    private static String gugus(Path home, List<String> jvm, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
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
        return arguments[0].equals("load") ? out : err;
    }

    /** Valid rows but every 20th with a NIK of 8 digits (rejected) and every 20th + 10 with a man's NIK for a woman (warning). */
    private static List<List<String>> rows(int count) {
        String[] exploitation = {"Eksploitasi Seksual", "Kerja Paksa", "PRT", "ABK", "Online Scam"};
        String[] recruitment = {"Media Sosial", "Tawaran Kerja", "Jeratan Utang", "Pacar"};
        String[] stage = {"Laporan", "Penyelidikan", "Penyidikan", "P21", "Vonis"};
        String[] country = {"Malaysia", "Arab Saudi", "Kamboja", "Dalam Negeri", "Taiwan"};
        List<List<String>> rows = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            boolean woman = n % 3 != 0;
            int day = 1 + n % 28;
            int month = 1 + n % 12;
            int year = 1980 + n % 25;
            String nik = "6472%02d%02d%02d%02d%04d".formatted(1 + (n / 10_000) % 99, day + (woman ? 40 : 0), month,
                    year % 100, n % 10_000);
            if (n % 20 == 0) {
                nik = nik.substring(0, 8);
            }
            String sex = woman ? "P" : "L";
            if (n % 20 == 10) {
                sex = woman ? "L" : "P";
            }
            rows.add(List.of(String.valueOf(n), "TPPO/%06d".formatted(n / 2), "05/06/2024", "01/05/2024",
                    "Korban " + n, nik, sex, "%02d/%02d/%d".formatted(day, month, year), "", "Samarinda",
                    "Jl. Contoh No. " + n, exploitation[n % 5], recruitment[n % 4], country[n % 5], stage[n % 5],
                    "Rumah Aman, Visum", ""));
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
