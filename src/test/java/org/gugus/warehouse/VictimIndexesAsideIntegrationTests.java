package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A large first delivery into a warehouse holding few records: the record table's unique key and secondary indexes
 * built after its rows, as the catalogue defined them (issue 13). "Large" is 8 records here, 10,000 by default.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.warehouse.indexes-aside-from=8"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VictimIndexesAsideIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path files;

    @Test
    @Order(1)
    void buildsTheRecordTablesIndexesAgainAsTheCatalogueDefinedThemAfterALargeFirstDeliveryIntoFewRecords() {
        load("64.01", "paser-01.csv", 1);
        List<String> definitions = definitions();
        long key = uniqueKey();

        FileOutcome large = load("64.02", "kubar-01.csv", 8);

        assertThat(large.inserted()).isEqualTo(8);
        assertThat(definitions()).isEqualTo(definitions);
        assertThat(uniqueKey()).as("the unique key built again").isNotEqualTo(key);
        assertThat(jdbc.sql("""
                select count(*) from warehouse.victim v
                  join warehouse.tppo_case c on c.id = v.case_id and c.office_code = v.office_code
                 where v.office_code = '64.02'
                """).query(Long.class).single()).as("every record found by its case through the index").isEqualTo(8);
    }

    @Test
    @Order(2)
    void putsAFirstDeliveryIntoTheIndexesWhenTheTableHoldsManyRecordsAgainstIt() {
        long key = uniqueKey();

        FileOutcome small = load("64.03", "kukar-01.csv", 8); // 9 records held against 8

        assertThat(small.inserted()).isEqualTo(8);
        assertThat(uniqueKey()).isEqualTo(key);
    }

    @Test
    @Order(3)
    void putsAFirstDeliveryIntoTheIndexesWhileAnotherSessionReadsTheRecordTable() throws Exception {
        long key = uniqueKey();
        FileOutcome large;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement reading = other.createStatement()) {
                reading.executeQuery("select count(*) from warehouse.victim").close(); // holds the table shared
            }
            large = load("64.07", "kutim-01.csv", 80); // 17 records held against 80

            other.rollback();
        }

        assertThat(large.inserted()).isEqualTo(80);
        assertThat(uniqueKey()).isEqualTo(key);
    }

    /** The record table's indexes and constraints as the catalogue defines them, by name. */
    private List<String> definitions() {
        return jdbc.sql("""
                select indexname || ': ' || indexdef from pg_indexes
                 where schemaname = 'warehouse' and tablename = 'victim'
                union all
                select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint
                 where conrelid = 'warehouse.victim'::regclass
                 order by 1
                """).query(String.class).list();
    }

    /** The storage of the record table's unique key on an office's identities, new when it is built again. */
    private long uniqueKey() {
        return jdbc.sql("""
                select pg_relation_filenode(conindid) from pg_constraint
                 where conrelid = 'warehouse.victim'::regclass and contype = 'u'
                """).query(Long.class).single();
    }

    private FileOutcome load(String office, String name, int rows) {
        return reception.receive(TestWorkbooks.csv(files.resolve(name), TestWorkbooks.victims(rows)), office, name,
                FileSource.COMMAND_LINE);
    }
}
