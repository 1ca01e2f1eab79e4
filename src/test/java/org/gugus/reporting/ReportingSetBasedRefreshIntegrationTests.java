package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports of a large load into a larger schema are written with their facts set-based
 * ({@link NewReports}), the fact triggers out of the way: the rows must be those the triggers and a
 * rebuild write. Every refresh here is large enough ({@code bulk-refresh-persons=1}).
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1"})
class ReportingSetBasedRefreshIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReportingRefresh refresh;

    @TempDir
    Path files;

    @Test
    void aLargeLoadIntoALargerSchemaWritesItsNewFactsSetBasedAsTheTriggersAndARebuildWould() {
        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(3)), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);
        // two new persons of other values, fewer than the three the schema holds: their rows alone are written
        List<String> other = TestWorkbooks.victim(11);
        other.set(6, "12/03/1990");
        other.set(9, "Kerja Paksa, Eksploitasi Seksual");
        other.set(12, "Putusan");
        other.set(13, "Pemulangan");
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"), List.of(other, TestWorkbooks.victim(12))), "64.71",
                "bpp.csv", FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);

        assertThat(jdbc.sql("select count(*) from reporting.report_fact").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from reporting.office_person_fact").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from reporting.case_fact").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'reporting' and t.tgenabled = 'D'")
                .query(Long.class).single()).as("no fact trigger left disabled").isZero();
        List<String> tables = ReportingTables.rows(jdbc);
        refresh.rebuild();
        assertThat(ReportingTables.rows(jdbc)).as("every row as a rebuild writes it").isEqualTo(tables);
        // the same reports written again through the fact triggers give the same facts
        jdbc.sql("create table public.report_copy as select * from reporting.report").update();
        jdbc.sql("delete from reporting.report").update();
        jdbc.sql("insert into reporting.report select * from public.report_copy").update();
        jdbc.sql("drop table public.report_copy").update();
        assertThat(ReportingTables.rows(jdbc)).as("the facts as the triggers write them").isEqualTo(tables);
    }

    @Test
    void aRebuildWritesTheOfficeFactsOfAPersonReportedByTwoOfficesAsTheTriggersWould() {
        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(3)), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);
        // the second victim reported again, by another office in a case of its own, with other values
        List<String> again = TestWorkbooks.victim(2);
        again.set(2, "07/08/2025");
        again.set(9, "Kerja Paksa");
        again.set(12, "Putusan");
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"), List.of(again, TestWorkbooks.victim(12))), "64.71",
                "bpp.csv", FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);

        refresh.rebuild();
        assertThat(jdbc.sql("select count(*) from reporting.person_fact where multi_office").query(Long.class).single())
                .as("one person of two offices").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from reporting.office_person_fact").query(Long.class).single())
                .as("one row per office of each person").isEqualTo(jdbc.sql(
                        "select count(*) from (select distinct office, person_id from reporting.report_fact) x")
                        .query(Long.class).single());
        List<String> tables = ReportingTables.rows(jdbc);
        jdbc.sql("create table public.report_copy as select * from reporting.report").update();
        jdbc.sql("delete from reporting.report").update();
        jdbc.sql("insert into reporting.report select * from public.report_copy").update();
        jdbc.sql("drop table public.report_copy").update();
        assertThat(ReportingTables.rows(jdbc)).as("the facts as the triggers write them").isEqualTo(tables);
    }
}
