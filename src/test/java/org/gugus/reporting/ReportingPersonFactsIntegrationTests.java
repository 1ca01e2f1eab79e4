package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
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
 * The per-person and per-office-person facts (V078: defined once, a person with one report fact taking
 * its values as they are) are the aggregates of every person's report facts, for persons with one report
 * and with several, whether a load's refresh wrote them (beside the rebuild, from the rows read ahead) or
 * a rebuild on one connection. The aggregates below are V075's, kept here as the definition to meet. The rows read
 * ahead that they and the person rows are written from are corrected, for each record, to the person hers was merged
 * into.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.reporting.bulk-refresh-persons=1"})
class ReportingPersonFactsIntegrationTests {

    private static final String AGGREGATES = """
            select person_id, min(day_key), max(day_key),
                   (max(k | sex) & 131071)::integer,
                   (max(k | origin) filter (where origin is not null) & 131071)::integer,
                   (min(k | age_key) & 131071)::integer,
                   (min(k | birth) filter (where birth is not null) & 131071)::integer,
                   max(stage), min(office) <> max(office), min(case_id) <> max(case_id),
                   bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
              from reporting.report_fact
             group by person_id
            """;

    private static final String PERSON_FACTS = """
            select person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office, re_trafficked,
                   exploitation, recruitment, services, office_mask, destination_mask
              from reporting.person_fact
            """;

    private static final String OFFICE_AGGREGATES = """
            select office, person_id, min(day_key), max(day_key),
                   (max(k | sex) & 131071)::integer,
                   (max(k | origin) filter (where origin is not null) & 131071)::integer,
                   (min(k | age_key) & 131071)::integer,
                   (min(k | birth) filter (where birth is not null) & 131071)::integer,
                   max(stage), false, min(case_id) <> max(case_id),
                   bit_or(exploitation), bit_or(recruitment), bit_or(services), bit_or(office_mask), bit_or(destination_mask)
              from reporting.report_fact
             group by office, person_id
            """;

    private static final String OFFICE_PERSON_FACTS = """
            select office, person_id, first_day, last_day, sex, origin, age_key, birth, stage, multi_office, re_trafficked,
                   exploitation, recruitment, services, office_mask, destination_mask
              from reporting.office_person_fact
            """;

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

    @Autowired
    DataSource dataSource;

    @TempDir
    Path files;

    @Test
    void perPersonFactsOfPersonsWithOneReportAndWithSeveralAreTheAggregatesOfTheirReportFacts() {
        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(4)), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);
        // the second victim reported again by another office, in a case of its own, with other values
        List<String> again = TestWorkbooks.victim(2);
        again.set(2, "07/08/2025");
        again.set(9, "Kerja Paksa");
        again.set(12, "Putusan");
        again.set(13, "Pemulangan");
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"), List.of(again, TestWorkbooks.victim(12))), "64.71",
                "bpp.csv", FileSource.COMMAND_LINE);
        TestLinkage.linkByNik(jdbc, events);

        assertThat(jdbc.sql("select count(*) from (select person_id from reporting.report_fact group by person_id"
                + " having count(*) > 1) x").query(Long.class).single()).as("a person with two reports").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from (select person_id from reporting.report_fact group by person_id"
                + " having count(*) = 1) x").query(Long.class).single()).as("persons with one").isEqualTo(4);
        assertFactsAreTheAggregates("as the loads' refreshes wrote them");

        refresh.rebuild();

        assertFactsAreTheAggregates("as a rebuild on one connection writes them");
        assertThat(jdbc.sql("select count(*) from reporting.person_fact where multi_office and first_day < last_day")
                .query(Long.class).single()).as("the person of two offices and two dates").isEqualTo(1);
    }

    @Test
    void rowsReadAheadAreCorrectedToThePersonTheirRecordsPersonWasMergedInto() throws Exception {
        if (jdbc.sql("select count(*) from reporting.report").query(Long.class).single() == 0) {
            reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(4)), "64.72", "smd.csv",
                    FileSource.COMMAND_LINE);
        }
        List<Long> persons = jdbc.sql("select person_id from reporting.person order by person_id").query(Long.class).list();
        long first = persons.get(0);
        long last = persons.get(persons.size() - 1);
        // read ahead as a first load expects its persons: each record her own, numbered by her id
        jdbc.sql("create table reporting.report_ahead as select * from reporting.report").update();
        jdbc.sql("create table reporting.report_fact_ahead as select * from reporting.report_fact").update();
        jdbc.sql("update reporting.report_ahead set person_id = victim_id").update();
        jdbc.sql("update reporting.report_fact_ahead set person_id = victim_id").update();
        // the first person merged into the last: her records' rows are the last person's
        jdbc.sql("update persons.person set merged_into = ? where id = ?").params(last, first).update();
        int reports = jdbc.sql("select count(*) from reporting.report").query(Integer.class).single();
        String linkedNow = """
                select vp.victim_id, coalesce(p.merged_into, p.id) person_id
                  from persons.victim_person vp join persons.person p on p.id = vp.person_id
                """;
        List<String> linked = jdbc.sql("select victim_id || ' ' || person_id from (" + linkedNow + ") l order by 1")
                .query(String.class).list();
        long otherwise = jdbc.sql("select count(*) from (" + linkedNow + ") l where person_id <> victim_id")
                .query(Long.class).single();
        // and a record numbering her own person now that was read ahead under another's (linked to it then)
        long own = jdbc.sql("select victim_id from (" + linkedNow + ") l where person_id = victim_id and victim_id <> ?"
                + " order by 1 limit 1").param(last).query(Long.class).single();
        jdbc.sql("update reporting.report_ahead set person_id = ? where victim_id = ?").params(last, own).update();
        jdbc.sql("update reporting.report_fact_ahead set person_id = ? where victim_id = ?").params(last, own).update();
        List<Long> ofSeveral = jdbc.sql("select victim_id from (select victim_id, count(*) over"
                + " (partition by person_id) n from (" + linkedNow + ") l) c where n > 1 order by 1")
                .query(Long.class).list();
        try (Connection connection = dataSource.getConnection()) {
            // in the check's transaction, as the rebuild corrects them
            connection.setAutoCommit(false);
            long corrected = WarehouseSource.correctAhead(connection, ReportsAhead.REPORTS, ReportsAhead.FACTS);
            long[] several = WarehouseSource.severalLinked(connection);
            connection.commit();
            connection.setAutoCommit(true);

            assertThat(corrected).as("the reports whose person came out otherwise").isEqualTo(otherwise + 1)
                    .isGreaterThan(1);
            assertThat(jdbc.sql("select victim_id || ' ' || person_id from reporting.report_ahead order by 1")
                    .query(String.class).list()).as("each record with her person, or the person hers was merged into")
                    .hasSize(reports).isEqualTo(linked).noneMatch(row -> row.endsWith(" " + first))
                    .anyMatch(row -> row.endsWith(" " + last));
            assertThat(jdbc.sql("select count(*) from reporting.report_fact_ahead f join reporting.report_ahead r"
                    + " using (victim_id) where f.person_id <> r.person_id").query(Long.class).single())
                    .as("each fact with its report's person").isZero();
            assertThat(Arrays.stream(several).boxed().toList())
                    .as("the records of persons of several, counted among those numbered otherwise")
                    .isNotEmpty().containsExactlyInAnyOrderElementsOf(ofSeveral);
        } finally {
            jdbc.sql("update persons.person set merged_into = null where id = ?").param(first).update();
            jdbc.sql("drop table reporting.report_ahead, reporting.report_fact_ahead").update();
        }
    }

    private void assertFactsAreTheAggregates(String written) {
        List<String> aggregates = rows(AGGREGATES);
        assertThat(rows(PERSON_FACTS)).as("per-person facts " + written).hasSize(5).isEqualTo(aggregates);
        assertThat(rows(OFFICE_PERSON_FACTS)).as("per-office-person facts " + written).hasSize(6)
                .isEqualTo(rows(OFFICE_AGGREGATES));
    }

    /** The rows of {@code query}, each as text, in order. */
    private List<String> rows(String query) {
        return jdbc.sql("select t::text from (" + query + ") t order by 1").query(String.class).list();
    }
}
