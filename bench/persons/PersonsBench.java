import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gugus.system.database.EmbeddedPostgres;

/**
 * Benchmark of person resolution: N victim records (default 1,000,000) generated in the warehouse
 * by SQL, resolved by `gugus persons resolve --all` (the model estimated, every record linked),
 * then a file of 1,000 rows (a third of them new reports of persons already there) loaded by
 * `gugus load`, which resolves its records before it returns. Both run as a user runs them (a new
 * JVM joining the embedded server); the peak heap comes from each JVM's GC log. The last line is
 * `records=… all=…s heap_all=…MiB load_rows=1000 load=…s resolve_pending=…s heap_load=…MiB`.
 * GUGUS_BENCH_JAVA_OPTS passes options to both JVMs (default -Xmx4g).
 */
public class PersonsBench {

    static final String[] GIVEN = {"Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Ani", "Yuli", "Rahma", "Fitri", "Dian",
            "Eka", "Putri", "Indah", "Lestari", "Ayu", "Ratna", "Wulan", "Ika", "Maria", "Agustina", "Yohana", "Hasna",
            "Halimah", "Aminah", "Rosmini", "Sulastri", "Kartini", "Sumarni", "Suryani", "Yanti", "Mega", "Novi",
            "Desi", "Linda", "Evi", "Tuti", "Sari", "Nining", "Juwita"};
    static final String[] MIDDLE = {"Aisyah", "Nurul", "Dwi", "Tri", "Kurnia", "Permata", "Cahaya", "Intan", "Mutiara",
            "Anggraini", "Puspita", "Handayani", "Wahyuni", "Rahayu", "Susanti", "Lestari", "Pratiwi", "Maharani",
            "Safitri", "Oktaviani", "Fatimah", "Zahra", "Melati", "Kasih", "Utami"};
    static final String[] FAMILY = {"", "binti Ahmad", "binti Usman", "Simanjuntak", "Lubis", "Siregar", "Harahap",
            "Nainggolan", "Saragih", "Hasibuan", "Tambunan", "Manurung", "Pasaribu", "Daeng", "Wijaya", "Kusuma",
            "Santoso", "Hidayat", "Saputra", "Gunawan", "Setiawan", "Hakim", "Ramadhan", "Syahputra", "Tanjung",
            "Situmorang", "Panjaitan", "Sinaga", "Sitompul", "Nasution"};
    static final String[] OFFICES = {"64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72",
            "64.74"};

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("gugus-bench-persons");
        Path home = work.resolve("home");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0)) {
            Path first = work.resolve("first.csv");
            file(first, List.of(row(1, "TPPO/BENCH/0", "Korban Pertama", "", "P", "01/01/1990")));
            gugus(home, work.resolve("gc-first.log"), "load", "--regency", "64.72", first.toString());
            long started = System.nanoTime();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("gugus"), postgres.user(), postgres.password());
                    Statement sql = db.createStatement()) {
                generate(sql, records);
            }
            System.out.printf("Generated %,d victim records in %.1f s%n", records, (System.nanoTime() - started) / 1e9);

            Run all = gugus(home, work.resolve("gc-all.log"), "persons", "resolve", "--all", "--json");
            System.out.println(all.output);
            Path delivery = work.resolve("delivery.csv");
            List<List<String>> rows = new ArrayList<>();
            for (int n = 0; n < 1000; n++) {
                rows.add(n % 3 == 0 ? existing(n * 997 % (records * 7 / 10)) : row(n, "TPPO/NEW/%04d".formatted(n),
                        "Korban Baru " + n + " " + FAMILY[n % FAMILY.length], "", n % 4 == 0 ? "L" : "P", ""));
            }
            file(delivery, rows);
            Run load = gugus(home, work.resolve("gc-load.log"), "load", "--regency", "64.71", delivery.toString());
            String pendingSeconds;
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("gugus"), postgres.user(), postgres.password());
                    Statement sql = db.createStatement();
                    ResultSet run = sql.executeQuery("select round(extract(epoch from finished_at - started_at), 2)"
                            + " from persons.resolution_run where trigger = 'load' order by id desc limit 1")) {
                pendingSeconds = run.next() ? run.getString(1) : "?";
            }
            Path log = home.resolve("logs/gugus-cli.log");
            if (Files.exists(log)) {
                Files.readAllLines(log).stream().filter(l -> l.contains("Resolution run")).forEach(System.out::println);
            }
            System.out.printf("records=%d all=%.1fs heap_all=%dMiB load_rows=1000 load=%.1fs resolve_pending=%ss heap_load=%dMiB%n",
                    records, all.seconds, all.peakHeapMiB, load.seconds, pendingSeconds, load.peakHeapMiB);
        }
    }

    /** Victims of persons p = 0 .. 0.7 N: every person once, 3 in 7 twice, in another office, spelt otherwise. */
    static void generate(Statement sql, int records) throws Exception {
        String given = array(GIVEN);
        String middle = array(MIDDLE);
        String family = array(FAMILY);
        int persons = records * 7 / 10;
        sql.execute("set work_mem = '256MB'");
        sql.execute("""
                create temporary table gen as
                select n, p, second,
                       (%1$s)[1 + p %% %4$d] || ' ' || (%2$s)[1 + (p / %4$d) %% %5$d]
                         || case when (%3$s)[1 + (p / %6$d) %% %7$d] = '' then '' else ' ' || (%3$s)[1 + (p / %6$d) %% %7$d] end as name,
                       date '1975-01-01' + (p::bigint * 7919 %% 12000)::int as birth_date,
                       case when p %% 2 = 0 then 'P' else case when p %% 5 = 0 then 'L' else 'P' end end as sex
                  from (select n, case when n < %8$d then n else (n - %8$d) * 7 / 3 end as p, n >= %8$d as second
                          from generate_series(0, %9$d - 1) n) g
                """.formatted(given, middle, family, GIVEN.length, MIDDLE.length, GIVEN.length * MIDDLE.length,
                FAMILY.length, persons, records));
        sql.execute("""
                create temporary table gen_office as
                select n, (array['64.01','64.02','64.03','64.07','64.08','64.09','64.11','64.71','64.72','64.74'])
                          [1 + (p + case when second then 3 else 0 end) % 10] as office_code
                  from gen
                """);
        sql.execute("""
                insert into warehouse.tppo_case (office_code, case_number, report_date, source_file_id, source_sheet, source_row)
                select office_code, 'TPPO/GEN/' || n, date '2024-06-05', 1, 'bench', 2 + n from gen_office
                """);
        sql.execute("""
                insert into warehouse.victim (case_id, office_code, identity_key, person_key, victim_name, nik, sex, birth_date,
                       age, origin_regency, origin_regency_code, citizenship, case_row, content_hash, source_file_id,
                       source_sheet, source_row)
                select c.id, c.office_code, lpad(to_hex(g.n), 64, '0'), lpad(to_hex(g.p), 64, '0'),
                       case when g.second then upper(g.name) else g.name end,
                       case when g.p % 10 < 7 and not (g.second and g.p % 2 = 1)
                            then '6472' || lpad((1 + g.p % 9)::text, 2, '0')
                                 || lpad((extract(day from g.birth_date)::int + case when g.sex = 'P' then 40 else 0 end)::text, 2, '0')
                                 || to_char(g.birth_date, 'MMYY') || lpad((g.p % 10000)::text, 4, '0') end,
                       g.sex,
                       case when g.second and g.p % 3 = 0 then null else g.birth_date end,
                       case when g.second and g.p % 3 = 0 then extract(year from age(date '2024-06-05', g.birth_date))::int end,
                       'Samarinda', '64.72', 'WNI', '{}'::jsonb, lpad(to_hex(g.n), 64, '0'), 1, 'bench', 2 + g.n
                  from gen g
                  join gen_office o on o.n = g.n
                  join warehouse.tppo_case c on c.office_code = o.office_code and c.case_number = 'TPPO/GEN/' || g.n
                """);
        sql.execute("analyze warehouse.victim");
        sql.execute("analyze warehouse.tppo_case");
    }

    /** A new report of generated person p, as another office writes it (no NIK, name in capitals). */
    static List<String> existing(int p) {
        String name = GIVEN[p % GIVEN.length] + " " + MIDDLE[(p / GIVEN.length) % MIDDLE.length];
        String family = FAMILY[(p / (GIVEN.length * MIDDLE.length)) % FAMILY.length];
        java.time.LocalDate birth = java.time.LocalDate.of(1975, 1, 1).plusDays((long) p * 7919 % 12000);
        String sex = p % 2 == 0 ? "P" : p % 5 == 0 ? "L" : "P";
        return row(p, "TPPO/AGAIN/" + p, (name + (family.isEmpty() ? "" : " " + family)).toUpperCase(), "", sex,
                "%02d/%02d/%d".formatted(birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()));
    }

    static List<String> row(int n, String caseNumber, String name, String nik, String sex, String birthDate) {
        return List.of(String.valueOf(n), caseNumber, "05/06/2024", name, nik, sex, birthDate,
                birthDate.isEmpty() ? String.valueOf(18 + n % 20) : "", "Samarinda", "Eksploitasi Seksual", "Media Sosial",
                "Malaysia", "Penyidikan", "Rumah Aman", "");
    }

    static void file(Path file, List<List<String>> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("No.;No. Registrasi;Tanggal Lapor;Nama Korban;NIK;Jenis Kelamin;Tanggal Lahir;Umur;Kabupaten/Kota Asal;"
                    + "Bentuk Eksploitasi;Modus;Negara Tujuan;Proses Hukum;Layanan;Keterangan");
            out.newLine();
            int number = 1;
            for (List<String> row : rows) {
                List<String> numbered = new ArrayList<>(row);
                numbered.set(0, String.valueOf(number++));
                out.write(String.join(";", numbered));
                out.newLine();
            }
        }
    }

    record Run(String output, double seconds, long peakHeapMiB) {
    }

    static Run gugus(Path home, Path gcLog, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String javaOptions = System.getenv().getOrDefault("GUGUS_BENCH_JAVA_OPTS", "-Xmx4g");
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-jar", "target/gugus.jar"));
        command.addAll(List.of(arguments));
        command.add("--gugus.home=" + home);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            System.out.println(output);
            throw new IllegalStateException("gugus " + String.join(" ", arguments) + " failed (exit " + exit + ")");
        }
        return new Run(output, seconds, peakHeap(gcLog));
    }

    /** The largest heap in use before a collection, from a JVM's GC log (-Xlog:gc). */
    static long peakHeap(Path gcLog) throws IOException {
        Matcher used = Pattern.compile(" (\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (used.find()) {
            peak = Math.max(peak, Long.parseLong(used.group(1)));
        }
        return peak;
    }

    static String array(String[] values) {
        return "array[" + String.join(",", java.util.Arrays.stream(values).map(v -> "'" + v + "'").toList()) + "]";
    }
}
