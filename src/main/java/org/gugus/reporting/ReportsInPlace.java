package org.gugus.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.gugus.system.PartTimes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first load's reports, report facts and per-case facts read ahead of its persons ({@link ReportsAhead}) put in
 * place of the reporting tables by the rebuild's transaction, rather than copied again with each record's person:
 * at a million reports those copies were 15.9 s of the server's time. Each report was read with the person its record
 * was expected to have; the few whose person came out otherwise (a record that joined another's person, a number
 * held already) were corrected by the rebuild's check, in the report and its fact. The tables get the indexes of the
 * tables they replace when they are read (or by the rebuild), their triggers, grants and keys in the rebuild, and
 * their names.
 */
final class ReportsInPlace {

    /** The reporting tables read ahead, each into {@code <table>_ahead}. */
    static final List<String> TABLES = List.of("reporting.report", "reporting.report_fact", "reporting.case_fact",
            "reporting.office_case_fact");

    private static final String SUFFIX = ReportsAhead.SUFFIX;

    private ReportsInPlace() {
    }

    /**
     * On the reading connection, in its open transaction, once the rows are read ahead: the keys' unique indexes and
     * the other indexes of the reporting tables built on the tables read ahead, table by table while {@code unwanted}
     * (no rebuild waits for the rows yet), while the persons are resolved rather than by the rebuild after them (at a
     * million reports 8.1 s of the rebuild's own process, beside the person rows written on the other core). The
     * rebuild builds those left ({@link #prepare}): at 100,000 rows the persons' resolution ends about when the rows
     * are read, and the rebuild waited 0.5 s for indexes built with both cores busy. The unique indexes, not the keys:
     * a key added takes its table whole, which the person rows beside read; the keys are added on them once the
     * tables are put in place. The few rows whose person the rebuild's check corrects change in them then.
     */
    static void index(JdbcClient jdbc, BooleanSupplier unwanted) {
        // the other core is the persons' resolution's
        jdbc.sql("set local max_parallel_maintenance_workers = 0").update();
        for (String table : TABLES) {
            if (!unwanted.getAsBoolean()) {
                return;
            }
            run(jdbc, indexesOf(jdbc, table));
        }
    }

    /**
     * In the rebuild's transaction, the reporting tables locked: the tables read ahead (their persons corrected by the
     * check, {@link ReportsAhead.Read#whole}) given the indexes their read left to build ({@link #index}) and the
     * triggers and grants of the tables they replace. Their rows are not copied; readers of the rows read ahead (the
     * person rows beside) are not waited for.
     */
    static void prepare(JdbcClient jdbc, PartTimes times) {
        times.run("indexes ahead", () -> TABLES.forEach(table -> run(jdbc, indexesOf(jdbc, table).stream()
                .map(index -> index.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "))
                .toList())));
        times.run("triggers and grants ahead", () -> TABLES.forEach(table -> {
            // after the corrections, which the reports' update triggers would have followed in the live facts
            run(jdbc, TablesBeside.triggers(jdbc, table, SUFFIX));
            run(jdbc, TablesBeside.grants(jdbc, table, SUFFIX));
        }));
    }

    /** The statements of {@code table}'s keys' unique indexes and other indexes on the table read ahead. */
    private static List<String> indexesOf(JdbcClient jdbc, String table) {
        List<String> indexes = new ArrayList<>(TablesBeside.keyIndexes(jdbc, table, SUFFIX));
        indexes.addAll(TablesBeside.indexes(jdbc, table, SUFFIX));
        return indexes;
    }

    /**
     * Puts the tables read ahead in place of the reporting tables (once no other transaction reads them); when one
     * cannot be dropped (an object of another's depends on it), empties them and copies the rows in instead, and
     * drops the tables read ahead. Returns whether they were put in place.
     */
    static boolean putInPlace(JdbcClient jdbc) {
        if (TablesBeside.putInPlace(jdbc, TABLES, SUFFIX)) {
            return true;
        }
        // the triggers set aside: the facts are copied as they are, and the per-person facts are not theirs to empty
        NewReports.withoutFactTriggers(jdbc, () -> {
            jdbc.sql("truncate " + String.join(", ", TABLES)).update();
            for (String table : TABLES) {
                jdbc.sql("insert into " + table + " select * from " + table + SUFFIX).update();
                jdbc.sql("drop table " + table + SUFFIX).update();
            }
        });
        return false;
    }

    /** The cases' rows written from the reports read ahead (their persons corrected), before they are put in place. */
    static String cases(String cases) {
        return TablesBeside.reading(cases, "reporting.report", ReportsAhead.REPORTS);
    }

    private static void run(JdbcClient jdbc, List<String> statements) {
        statements.forEach(statement -> jdbc.sql(statement).update());
    }
}
