package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A later delivery of a victim of the same case under another identity updates her record. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class VictimContinuationIntegrationTests {

    private static final int NAME = 3;
    private static final int NIK = 4;
    private static final int BIRTH_DATE = 6;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Test
    void aLaterDeliveryWithTheNikAddedUpdatesTheVictimInsteadOfAddingOne() {
        List<List<String>> may = TestWorkbooks.victims(3);
        String nik = may.get(1).get(NIK);
        may.get(1).set(NIK, "");
        may.get(1).set(BIRTH_DATE, "12/02/2008");
        load("64.03", "berau-05.csv", may);
        List<List<String>> june = TestWorkbooks.victims(3);
        june.get(1).set(BIRTH_DATE, "12/02/2008");

        FileOutcome outcome = load("64.03", "berau-06.csv", june);

        assertThat(outcome.inserted()).isZero();
        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(outcome.reconciles()).isTrue();
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.03'")).isEqualTo(3);
        assertThat(jdbc.sql("select nik from warehouse.victim where office_code = '64.03' and victim_name = 'Korban Nomor 2'")
                .query(String.class).single()).isEqualTo(nik);
        assertThat(count("""
                select count(*) from warehouse.victim_history h join warehouse.victim v on v.id = h.victim_id
                 where v.office_code = '64.03' and h.case_row ->> 'nik' is null
                """)).isEqualTo(1);
    }

    @Test
    void aCorrectedNameWithTheSameBirthDateUpdatesTheVictim() {
        List<List<String>> may = TestWorkbooks.victims(2);
        may.get(0).set(NIK, "");
        may.get(0).set(NAME, "Sity Aminah");
        may.get(0).set(BIRTH_DATE, "01/07/2006");
        load("64.02", "kukar-05.csv", may);
        may.get(0).set(NAME, "Siti Aminah");
        FileOutcome typo = load("64.02", "kukar-06.csv", may);
        may.get(0).set(NAME, "Siti Aminah binti Usman");

        FileOutcome patronymic = load("64.02", "kukar-07.csv", may);

        assertThat(List.of(typo.inserted(), typo.updated(), patronymic.inserted(), patronymic.updated()))
                .containsExactly(0L, 1L, 0L, 1L);
        assertThat(jdbc.sql("select victim_name from warehouse.victim where office_code = '64.02'")
                .query(String.class).list()).containsExactlyInAnyOrder("Siti Aminah binti Usman", "Korban Nomor 2");
        assertThat(count("select max(version) from warehouse.victim where office_code = '64.02'")).isEqualTo(3);
    }

    @Test
    void aNewSiblingInTheSameCaseIsAddedBesideTheVictimStillDelivered() {
        List<List<String>> may = TestWorkbooks.victims(1);
        may.get(0).set(NIK, "");
        may.get(0).set(NAME, "Siti Aminah");
        may.get(0).set(BIRTH_DATE, "01/07/2006");
        load("64.08", "kutim-05.csv", may);
        List<String> twin = TestWorkbooks.victim(1);
        twin.set(NIK, "");
        twin.set(NAME, "Siti Aminah");
        twin.set(BIRTH_DATE, "01/07/2006");
        List<String> sister = TestWorkbooks.victim(1);
        sister.set(NIK, "");
        sister.set(NAME, "Siti Amina");
        sister.set(BIRTH_DATE, "01/07/2006");

        FileOutcome outcome = load("64.08", "kutim-06.csv", List.of(twin, sister));

        assertThat(outcome.inserted()).isEqualTo(1);
        assertThat(outcome.unchanged()).isEqualTo(1);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.08'")).isEqualTo(2);
    }

    private FileOutcome load(String office, String name, List<List<String>> rows) {
        return reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
