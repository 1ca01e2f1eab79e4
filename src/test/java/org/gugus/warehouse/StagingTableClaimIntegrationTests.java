package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging table claimed before a publish unstages its file only when autovacuum alone uses it
 * ({@link StagingTableClaim}); a session of Gugus using it is left alone, and so is the publish's transaction.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class StagingTableClaimIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void claimsNothingOfAStagingTableNoOneUses() {
        String held = transactions.execute(status -> {
            StagingTableClaim.pastAutovacuum(jdbc);
            return heldHere();
        });

        assertThat(held).isEmpty();
    }

    @Test
    void leavesAStagingTableAnotherSessionUsesAndTheTransactionAsItWas() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement reading = other.createStatement()) {
                reading.executeQuery("select count(*) from warehouse.staged_row").close(); // holds the table shared
            }
            String[] after = transactions.execute(status -> {
                jdbc.sql("set local lock_timeout = '10s'").update();
                StagingTableClaim.pastAutovacuum(jdbc);
                return new String[] {heldHere(),
                        jdbc.sql("select current_setting('lock_timeout')").query(String.class).single()};
            });
            try (Statement reading = other.createStatement()) {
                reading.executeQuery("select count(*) from warehouse.staged_row").close(); // its transaction goes on
            }
            other.rollback();

            assertThat(after[0]).as("locks this transaction holds on the staging table").isEmpty();
            assertThat(after[1]).isEqualTo("10s");
        }
    }

    /** The modes this session holds the staging table in, beyond a reader's. */
    private String heldHere() {
        return jdbc.sql("""
                select coalesce(string_agg(mode, ','), '') from pg_locks
                 where relation = 'warehouse.staged_row'::regclass and pid = pg_backend_pid() and mode <> 'AccessShareLock'
                """).query(String.class).single();
    }
}
