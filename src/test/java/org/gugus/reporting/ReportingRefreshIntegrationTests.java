package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.persons.PersonsChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reporting schema follows every change of persons, refreshing only the persons named. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class ReportingRefreshIntegrationTests {

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
    void aLaterReportByAnotherOfficeJoinsThePersonAndAMergeMovesHerRecords() {
        reception.receive(TestWorkbooks.csv(files.resolve("smd.csv"), TestWorkbooks.victims(3)), "64.72", "smd.csv",
                FileSource.COMMAND_LINE);
        Map<String, Long> first = TestLinkage.linkByNik(jdbc, events);
        List<String> again = TestWorkbooks.victim(1);
        again.set(1, "TPPO/BPP/0001");
        reception.receive(TestWorkbooks.csv(files.resolve("bpp.csv"), List.of(again)), "64.71", "bpp.csv",
                FileSource.COMMAND_LINE);
        long three = first.get(TestWorkbooks.victim(3).get(4));
        String threeRefreshed = refreshedAt(three);

        TestLinkage.linkByNik(jdbc, events);

        long one = first.get(TestWorkbooks.victim(1).get(4));
        long two = first.get(TestWorkbooks.victim(2).get(4));
        assertThat(refreshedAt(three)).as("a person not named is left as she was").isEqualTo(threeRefreshed);
        assertThat(person(one)).containsEntry("reports", 2).containsEntry("cases", 2).containsEntry("multi_office", true)
                .containsEntry("re_trafficked", true);
        assertThat(jdbc.sql("select count(*) from reporting.person").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select persons from reporting.tppo_case where case_number = 'TPPO/BPP/0001'")
                .query(Integer.class).single()).isEqualTo(1);

        // linkage finds that persons one and two are the same woman: two's records move to one
        jdbc.sql("update persons.person set merged_into = ?, merged_at = now() where id = ?").params(one, two).update();
        jdbc.sql("update persons.victim_person set person_id = ? where person_id = ?").params(one, two).update();
        events.publishEvent(new PersonsChanged(Set.of(one, two), false));

        assertThat(jdbc.sql("select count(*) from reporting.person where person_id = ?").param(two).query(Long.class).single())
                .isZero();
        assertThat(person(one)).containsEntry("reports", 3).containsEntry("cases", 3);
        assertThat(jdbc.sql("select count(distinct person_id) from reporting.report").query(Long.class).single()).isEqualTo(2);
        String kept = "select indicator || ' ' || code || ' ' || n from reporting.all_time_count where n <> 0 order by 1";
        List<String> incremental = jdbc.sql(kept).query(String.class).list();
        refresh.rebuild();
        assertThat(jdbc.sql(kept).query(String.class).list()).as("the all-time counts kept by every refresh")
                .contains("unique_victims  2", "reports  4", "cases  4").isEqualTo(incremental);
    }

    private String refreshedAt(long person) {
        return jdbc.sql("select refreshed_at::text from reporting.person where person_id = ?").param(person)
                .query(String.class).single();
    }

    private Map<String, Object> person(long id) {
        return jdbc.sql("select reports, cases, multi_office, re_trafficked from reporting.person where person_id = ?")
                .param(id).query().singleRow();
    }
}
