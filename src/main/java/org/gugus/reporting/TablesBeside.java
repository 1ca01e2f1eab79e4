package org.gugus.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reporting tables written beside the ones they replace, on a connection other than the rebuild's: each table
 * {@code reporting.x} is written into {@code reporting.x_next}, defined with the columns, grants and storage settings
 * of {@code reporting.x}, its keys and indexes built once its rows are in, and put in place of {@code reporting.x} by
 * the rebuild's transaction ({@link #putInPlace}), so that a reader sees the old table or the new one, never a part.
 * The person rows beside the rebuild ({@link PersonRowsAside}) and the case facts read ahead of the persons
 * ({@link ReportsAhead}) are written so.
 */
final class TablesBeside {

    private TablesBeside() {
    }

    /** {@code table} written beside: {@code <table>_next}. */
    static String next(String table) {
        return table + "_next";
    }

    /** {@code <table>_next} dropped, if a failed or untaken rebuild left it. */
    static void dropBeside(Statement sql, String table) throws SQLException {
        sql.execute("drop table if exists " + next(table));
    }

    /** {@code <table>_next} as {@code table} without its rows, indexes or keys: its columns, grants and storage. */
    static void createBeside(Statement sql, String table) throws SQLException {
        String next = next(table);
        sql.execute("create table " + next + " (like " + table + " including all excluding indexes)");
        String options = single(sql, "select array_to_string(reloptions, ', ') from pg_class where oid = '" + table
                + "'::regclass");
        if (options != null && !options.isEmpty()) {
            sql.execute("alter table " + next + " set (" + options + ")");
        }
        // the grants of the table it replaces, not the schema's default ones
        for (String revoke : list(sql, """
                select format('revoke all on %1$s from %%s', case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_class c cross join aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
                 where c.oid = '%1$s'::regclass and a.grantee <> c.relowner
                """.formatted(next))) {
            sql.execute(revoke);
        }
        for (String grant : list(sql, """
                select format('grant %%s on %2$s to %%s', a.privilege_type,
                              case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_class c cross join aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
                 where c.oid = '%1$s'::regclass and a.grantee <> c.relowner
                union all
                select format('grant %%s (%%I) on %2$s to %%s', a.privilege_type, t.attname,
                              case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_attribute t cross join aclexplode(t.attacl) a left join pg_roles r on r.oid = a.grantee
                 where t.attrelid = '%1$s'::regclass and t.attnum > 0 and not t.attisdropped
                """.formatted(table, next))) {
            sql.execute(grant);
        }
    }

    /** The statements of the keys and indexes of {@code table} on {@code <table>_next}, each named {@code <name>_next}. */
    static List<String> keysBeside(Statement sql, String table) throws SQLException {
        String next = next(table);
        List<String> keys = new ArrayList<>(list(sql, """
                select format('alter table %2$s add constraint %%I %%s', k.conname || '_next', pg_get_constraintdef(k.oid))
                  from pg_constraint k where k.conrelid = '%1$s'::regclass and k.contype in ('p', 'u')
                """.formatted(table, next)));
        keys.addAll(list(sql, """
                select regexp_replace(pg_get_indexdef(i.indexrelid), ' INDEX (\\S+) ON (\\S+) ', ' INDEX \\1_next ON \\2_next ')
                  from pg_index i
                 where i.indrelid = '%1$s'::regclass
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
                """.formatted(table)));
        // the index the table is clustered on, marked so (the mark goes with the index's name)
        keys.addAll(list(sql, """
                select format('alter table %2$s cluster on %%I', c.relname || '_next')
                  from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = '%1$s'::regclass and i.indisclustered
                """.formatted(table, next)));
        return keys;
    }

    /**
     * In the rebuild's transaction: each of {@code tables} dropped and its table beside renamed to it, with its keys and
     * indexes; rolled back to before the first (and rethrown) when one cannot be, so the caller can write the rows
     * itself. An object of another's that depends on a table replaced (a view of a coordinator's) stops its drop.
     */
    static void putInPlace(JdbcClient jdbc, List<String> tables) {
        jdbc.sql("savepoint tables_beside").update();
        try {
            // sent as one string of statements: one at a time, their round trips took 0.3-0.4 s under load 20
            jdbc.sql(String.join(";\n", renames(jdbc, tables))).update();
        } catch (RuntimeException e) {
            jdbc.sql("rollback to savepoint tables_beside").update();
            throw e;
        }
        jdbc.sql("release savepoint tables_beside").update();
    }

    /** The statements that put the tables beside in place of {@code tables}. */
    private static List<String> renames(JdbcClient jdbc, List<String> tables) {
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            String name = table.substring("reporting.".length());
            List<String[]> renames = jdbc.sql("""
                    select c.relname, k.conname is not null
                      from pg_index i
                      join pg_class c on c.oid = i.indexrelid
                      left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid
                     where i.indrelid = '%s'::regclass
                    """.formatted(next(table)))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getBoolean(2) ? "key" : ""}).list();
            statements.add("drop table " + table);
            statements.add("alter table " + next(table) + " rename to " + name);
            for (String[] index : renames) {
                String original = index[0].substring(0, index[0].length() - "_next".length());
                statements.add(index[1].isEmpty() ? "alter index reporting." + index[0] + " rename to " + original
                        : "alter table " + table + " rename constraint " + index[0] + " to " + original);
            }
        }
        return statements;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> list(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
