package org.gugus.system;

import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements planned without a method of the server's planner ({@code enable_nestloop}, {@code enable_sort},
 * {@code enable_seqscan}): the setting turned off within the caller's transaction and put back after the statements.
 * A statement that fails rolls the transaction back, and the setting with it.
 */
public final class PlannerMethodOff {

    private PlannerMethodOff() {
    }

    /** Runs {@code statement} with {@code method} off; returns what it returns (the rows it wrote). */
    public static int during(JdbcClient jdbc, String method, IntSupplier statement) {
        String before = jdbc.sql("select current_setting(?)").param(method).query(String.class).single();
        jdbc.sql("select set_config(?, 'off', true)").param(method).query(String.class).single();
        int rows = statement.getAsInt();
        jdbc.sql("select set_config(?, ?, true)").params(method, before).query(String.class).single();
        return rows;
    }

    /** Runs {@code statements} with {@code method} off. */
    public static void during(JdbcClient jdbc, String method, Runnable statements) {
        during(jdbc, method, () -> {
            statements.run();
            return 0;
        });
    }
}
