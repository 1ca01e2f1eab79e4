package org.gugus.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements that read a few rows of large tables planned to read them through the tables' indexes
 * ({@code enable_seqscan} off within the caller's transaction, put back after them). A first load leaves the
 * reporting tables without statistics until the server's autovacuum analyses them, a minute or more later; without
 * them the planner took a few thousand persons' ids for most of the table and read it whole. A statement that fails
 * rolls the transaction back, and the setting with it.
 */
final class ThroughIndexes {

    private ThroughIndexes() {
    }

    static void during(JdbcClient jdbc, Runnable statements) {
        String before = jdbc.sql("select current_setting('enable_seqscan')").query(String.class).single();
        jdbc.sql("set local enable_seqscan = off").update();
        statements.run();
        jdbc.sql("select set_config('enable_seqscan', ?, true)").param(before).query(String.class).single();
    }
}
