package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class FileReceptionIntegrationTests {

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
    void loadsEveryValidRowAndKeepsRejectedRowsWithTheirCodes() {
        List<List<String>> rows = TestWorkbooks.victims(6);
        rows.get(1).set(2, "31/02/2024");          // E_DATE_FORMAT
        rows.get(3).set(4, "64720112");            // E_NIK_FORMAT
        rows.get(4).set(5, "");                    // E_REQUIRED
        Path file = TestWorkbooks.csv(files.resolve("balikpapan-2024-06.csv"), rows);

        FileOutcome delivery = reception.receive(file, "64.71", "balikpapan-2024-06.csv", FileSource.COMMAND_LINE);

        FileOutcome report = delivery;
        assertThat(report.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(report.format()).isEqualTo("CSV");
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.reconciles()).isTrue();
        assertThat(report.rejectionsByCode())
                .containsEntry("E_DATE_FORMAT", 1L).containsEntry("E_NIK_FORMAT", 1L).containsEntry("E_REQUIRED", 1L);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.71'")).isEqualTo(3);
        assertThat(jdbc.sql("select row_number from warehouse.rejected_row where file_id = ? order by row_number")
                .param(delivery.fileId()).query(Integer.class).list()).containsExactly(3, 5, 6);
        assertThat(jdbc.sql("select original ->> 'Tanggal Lapor' from warehouse.rejected_row where row_number = 3 and file_id = ?")
                .param(delivery.fileId()).query(String.class).single()).isEqualTo("31/02/2024");
        assertThat(jdbc.sql("select status from ingest.received_file where id = ?").param(delivery.fileId())
                .query(String.class).single()).isEqualTo("LOADED");
    }

    @Test
    void recordsTheSameContentAgainAsAlreadyReceivedWithoutLoadingIt() {
        Path file = TestWorkbooks.csv(files.resolve("paser-2024-05.csv"), TestWorkbooks.victims(4));
        reception.receive(file, "64.01", "paser-2024-05.csv", FileSource.COMMAND_LINE);

        FileOutcome again = reception.receive(file, "6401", "paser-2024-05-lagi.csv", FileSource.COMMAND_LINE);

        assertThat(again.status()).isEqualTo(LoadStatus.ALREADY_RECEIVED);
        assertThat(again.alreadyReceivedAs()).isNotNull();
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.01'")).isEqualTo(4);
        assertThat(count("select count(*) from ingest.received_file where office_code = '64.01'")).isEqualTo(2);
    }

    @Test
    void cumulativeRedeliveryUpdatesTheChangedRowInsertsTheNewOneAndKeepsHistory() {
        List<List<String>> may = TestWorkbooks.victims(5);
        reception.receive(TestWorkbooks.csv(files.resolve("berau-05.csv"), may), "64.03", "berau-05.csv",
                FileSource.COMMAND_LINE);
        List<List<String>> june = TestWorkbooks.victims(6);
        june.get(2).set(12, "Penuntutan");          // the case of row 3 moved on

        FileOutcome delivery = reception.receive(TestWorkbooks.csv(files.resolve("berau-06.csv"), june), "64.03",
                "berau-06.csv", FileSource.COMMAND_LINE);

        FileOutcome report = delivery;
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(4);
        assertThat(report.reconciles()).isTrue();
        assertThat(jdbc.sql("""
                select h.case_row ->> 'case_stage' from warehouse.victim_history h
                  join warehouse.victim v on v.id = h.victim_id where v.office_code = '64.03'
                """).query(String.class).list()).containsExactly("PENYIDIKAN");
        assertThat(jdbc.sql("select case_stage from warehouse.tppo_case where office_code = '64.03' and case_number = 'TPPO/SMD/0003'")
                .query(String.class).single()).isEqualTo("PENUNTUTAN");
        assertThat(jdbc.sql("select source_file_id from warehouse.victim where office_code = '64.03' and victim_name = 'Korban Nomor 3'")
                .query(Long.class).single()).isEqualTo(delivery.fileId());
    }

    @Test
    void countsTheEarlierOfTwoRowsOfOneVictimAsDuplicate() {
        List<List<String>> rows = TestWorkbooks.victims(3);
        List<String> corrected = TestWorkbooks.victim(2);
        corrected.set(14, "dikoreksi");
        rows.add(corrected);

        FileOutcome delivery = reception.receive(TestWorkbooks.csv(files.resolve("bontang.csv"), rows), "64.74",
                "bontang.csv", FileSource.COMMAND_LINE);

        assertThat(delivery.rowsRead()).isEqualTo(4);
        assertThat(delivery.inserted()).isEqualTo(3);
        assertThat(delivery.duplicates()).isEqualTo(1);
        assertThat(jdbc.sql("select notes from warehouse.victim where office_code = '64.74' and victim_name = 'Korban Nomor 2'")
                .query(String.class).single()).isEqualTo("dikoreksi");
    }

    @Test
    void loadsCodedAttributesIntoTheirOwnTables() {
        reception.receive(TestWorkbooks.csv(files.resolve("kubar.csv"), TestWorkbooks.victims(1)), "64.07", "kubar.csv",
                FileSource.COMMAND_LINE);

        assertThat(jdbc.sql("""
                select s.code from warehouse.victim_service s join warehouse.victim v on v.id = s.victim_id
                 where v.office_code = '64.07' order by 1
                """).query(String.class).list()).containsExactly("KESEHATAN", "REHABILITASI_SOSIAL");
        assertThat(jdbc.sql("select destination_country from warehouse.victim where office_code = '64.07'")
                .query(String.class).single()).isEqualTo("MY");
    }

    @Test
    void replacesTheCodedAttributesOfAChangedRecordAndKeepsThoseOfTheOthers() {
        reception.receive(TestWorkbooks.csv(files.resolve("mahulu-05.csv"), TestWorkbooks.victims(2)), "64.11",
                "mahulu-05.csv", FileSource.COMMAND_LINE);
        List<List<String>> june = TestWorkbooks.victims(2);
        june.get(1).set(13, "Pengaduan");           // row 2's services: complaint intake only now

        FileOutcome delivery = reception.receive(TestWorkbooks.csv(files.resolve("mahulu-06.csv"), june), "64.11",
                "mahulu-06.csv", FileSource.COMMAND_LINE);

        assertThat(delivery.updated()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select v.victim_name || ':' || s.code from warehouse.victim_service s
                  join warehouse.victim v on v.id = s.victim_id
                 where v.office_code = '64.11' order by 1
                """).query(String.class).list())
                .containsExactly("Korban Nomor 1:KESEHATAN", "Korban Nomor 1:REHABILITASI_SOSIAL", "Korban Nomor 2:PENGADUAN");
        assertThat(count("""
                select count(*) from warehouse.victim_exploitation e join warehouse.victim v on v.id = e.victim_id
                 where v.office_code = '64.11'
                """)).isEqualTo(2);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
