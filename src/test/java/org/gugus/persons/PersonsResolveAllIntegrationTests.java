package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.persons.PersonFiles.victim;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gugus.IntegrationTest;
import org.gugus.ingest.FileReception;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** `gugus persons resolve --all`: the model estimated from every record, person ids and decisions kept. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class PersonsResolveAllIntegrationTests {

    private static final String[] GIVEN = {"Aminah", "Bunga", "Citra", "Dahlia", "Erna", "Fatimah", "Gita", "Hartini",
            "Indah", "Juliana", "Kurniasih", "Lestari", "Melati", "Novita", "Oktaviani", "Puspita", "Qomariah", "Rosmini",
            "Sulastri", "Tuti", "Umi", "Vivi", "Wahyuni", "Yanti", "Zubaidah"};
    private static final String[] FAMILY = {"Simanjuntak", "Lubis", "Hasibuan", "Nainggolan", "Saragih", "Tanjung",
            "Harahap", "Siregar"};
    private static final String[] OFFICES = {"64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71",
            "64.72", "64.74"};

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @Autowired
    JsonMapper json;

    @TempDir
    Path folder;

    @Test
    void resolvingEverythingAgainKeepsPersonIdsAndReviewersDecisions() {
        PersonFiles files = new PersonFiles(reception, folder);
        Map<String, List<List<String>>> byOffice = new HashMap<>();
        for (int n = 0; n < 120; n++) {
            String name = GIVEN[n % GIVEN.length] + " " + FAMILY[n / GIVEN.length % FAMILY.length] + " " + n;
            String birth = "%02d/%02d/%d".formatted(1 + n % 28, 1 + n % 12, 1980 + n % 25);
            String nik = "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 41 + n % 28, 1 + n % 12, (80 + n % 25) % 100, n);
            byOffice.computeIfAbsent(OFFICES[n % 10], o -> new ArrayList<>())
                    .add(victim("TPPO/A/%04d".formatted(n), name, nik, "P", birth, "", "Samarinda"));
            if (n % 3 == 0) {
                byOffice.computeIfAbsent(OFFICES[(n + 3) % 10], o -> new ArrayList<>())
                        .add(victim("TPPO/B/%04d".formatted(n), name.toUpperCase(), n % 2 == 0 ? nik : "", "P", birth, "",
                                "Kota Samarinda"));
            }
        }
        byOffice.forEach(files::load);
        Map<Long, Long> before = persons();
        long reportsOfOne = jdbc.sql("select count(*) from persons.unique_victim where reports = 2").query(Long.class).single();
        assertThat(reportsOfOne).as("every second report linked to its first").isEqualTo(40);

        // a reviewer keeps apart two reports the model links, and joins two it keeps apart
        long kept = victimOf("64.01", "TPPO/A/0000");
        long other = victimOf("64.07", "TPPO/B/0000");
        long lonely = victimOf("64.02", "TPPO/A/0001");
        long joined = victimOf("64.03", "TPPO/A/0002");
        decide(kept, other, "DIFFERENT");
        decide(lonely, joined, "SAME");
        assertThat(run("persons", "resolve").status).isZero();
        Map<Long, Long> decided = persons();
        assertThat(decided.get(kept)).isNotEqualTo(decided.get(other));
        assertThat(decided.get(lonely)).isEqualTo(decided.get(joined))
                .as("the older id").isEqualTo(Math.min(before.get(lonely), before.get(joined)));

        Command all = run("persons", "resolve", "--all", "--json");

        assertThat(all.status).as(all.err).isZero();
        Map<?, ?> summary = json.readValue(all.out, Map.class);
        assertThat(summary.get("victims")).isEqualTo(160);
        assertThat(summary.get("persons")).isEqualTo(120 - 1 + 1);
        assertThat(persons()).as("every record keeps its person").isEqualTo(decided);
        assertThat(jdbc.sql("select records from persons.linkage_model").query(Integer.class).single()).isEqualTo(160);
        assertThat(run("persons", "resolve", "--all").status).isZero();
        assertThat(persons()).isEqualTo(decided);
        assertThat(jdbc.sql("select count(*) from persons.person_event e join persons.resolution_run r on r.id = e.run_id"
                + " where r.all_records").query(Long.class).single()).as("events of the runs over everything").isZero();

        Command model = run("persons", "model");
        assertThat(model.out).contains("nik", "equal", "birth_date", "prior");
        assertThat(model.err).contains("160");
    }

    private void decide(long a, long b, String decision) {
        jdbc.sql("insert into persons.candidate_pair (victim_a, victim_b, weight, probability, comparisons) values (?, ?, 0, 0.5, '[]')"
                + " on conflict do nothing").params(Math.min(a, b), Math.max(a, b)).update();
        long id = jdbc.sql("select id from persons.candidate_pair where victim_a = ? and victim_b = ?")
                .params(Math.min(a, b), Math.max(a, b)).query(Long.class).single();
        Command done = run("persons", "decide", String.valueOf(id), decision.toLowerCase(), "--by", "dina");
        assertThat(done.status).as(done.err).isZero();
    }

    private Map<Long, Long> persons() {
        Map<Long, Long> persons = new HashMap<>();
        jdbc.sql("select victim_id, person_id from persons.victim_person").query(rs -> {
            persons.put(rs.getLong(1), rs.getLong(2));
        });
        return persons;
    }

    private long victimOf(String office, String caseNumber) {
        return jdbc.sql("""
                select v.id from warehouse.victim v join warehouse.tppo_case c on c.id = v.case_id
                 where v.office_code = ? and c.case_number = ?
                """).params(office, caseNumber).query(Long.class).single();
    }

    private Command run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Command(int status, String out, String err) {
    }
}
