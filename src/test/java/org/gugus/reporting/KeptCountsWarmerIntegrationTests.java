package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server makes the month cells of a generation it did not refresh itself (a command's load, which
 * leaves them to the server) at its first count that finds them missing.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class KeptCountsWarmerIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorQueries queries;

    @Autowired
    MonthCells monthCells;

    @Test
    void makesTheMonthCellsOfAGenerationRefreshedElsewhereAtTheFirstCountThatFindsThemMissing() {
        // as a command's refresh leaves it: a new generation, its month cells not made
        KeptPeriodCounts.bump(jdbc);
        long generation = jdbc.sql("select generation from reporting.generation").query(Long.class).single();
        assertThat(monthCells.made(generation)).isFalse();

        // an office's year: neither every report nor a short period, so counted with the month cells when made
        queries.count(new ReportQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "64.72"));

        IntegrationTest.awaitTrue(() -> monthCells.made(generation));
    }
}
