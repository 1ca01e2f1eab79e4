package org.gugus.reporting;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tables written beside the reporting tables they replace, then put in their place in one transaction: each
 * {@code <table><suffix>} (e.g. {@code reporting.person_next}) is defined as its table is, from the catalogue (the
 * migrations stay the one source), written without indexes, given its table's keys, indexes, triggers and grants,
 * and renamed over it once the table is dropped. A reader sees the old rows or the new ones, never a part.
 */
final class TablesBeside {

    private static final Logger log = LoggerFactory.getLogger(TablesBeside.class);

    private TablesBeside() {
    }

    /**
     * {@code statement} reading {@code rows} wherever it reads {@code table} ({@code from <table> }, the table's name
     * followed by a space): e.g. a table beside, before it is put in place, or a set the statement is given. Fails
     * when it reads no {@code table} so: the statement no longer reads it as the caller expects.
     */
    static String reading(String statement, String table, String rows) {
        String read = " from " + table + " ";
        if (!statement.contains(read)) {
            throw new IllegalStateException("A statement no longer reads " + table + " as it did");
        }
        return statement.replace(read, " from " + rows + " ");
    }

    /**
     * {@code <table><suffix>}, empty, as {@code table} without its indexes, keys or triggers: its columns and storage
     * settings; its grants only with {@code grants} (else none: readers of the table do not read these rows before
     * they are put in place).
     */
    static void create(JdbcClient jdbc, String table, String suffix, boolean grants) {
        String beside = table + suffix;
        jdbc.sql("create table " + beside + " (like " + table + " including all excluding indexes)").update();
        String options = jdbc.sql("select array_to_string(reloptions, ', ') from pg_class where oid = '" + table
                + "'::regclass").query(String.class).optional().orElse(null);
        if (options != null && !options.isEmpty()) {
            jdbc.sql("alter table " + beside + " set (" + options + ")").update();
        }
        revokeAll(jdbc, table, beside);
        if (grants) {
            grants(jdbc, table, suffix).forEach(grant -> jdbc.sql(grant).update());
        }
    }

    /** The grants of the schema's defaults revoked from {@code beside} (they are not {@code table}'s). */
    private static void revokeAll(JdbcClient jdbc, String table, String beside) {
        jdbc.sql("""
                select format('revoke all on %1$s from %%s', case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_class c cross join aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
                 where c.oid = '%1$s'::regclass and a.grantee <> c.relowner
                """.formatted(beside)).query(String.class).list().forEach(revoke -> jdbc.sql(revoke).update());
    }

    /** The statements that give {@code <table><suffix>} the grants of {@code table}, on the table and its columns. */
    static List<String> grants(JdbcClient jdbc, String table, String suffix) {
        return jdbc.sql("""
                select format('grant %%s on %2$s to %%s', a.privilege_type,
                              case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_class c cross join aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee
                 where c.oid = '%1$s'::regclass and a.grantee <> c.relowner
                union all
                select format('grant %%s (%%I) on %2$s to %%s', a.privilege_type, t.attname,
                              case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end)
                  from pg_attribute t cross join aclexplode(t.attacl) a left join pg_roles r on r.oid = a.grantee
                 where t.attrelid = '%1$s'::regclass and t.attnum > 0 and not t.attisdropped
                """.formatted(table, table + suffix)).query(String.class).list();
    }

    /** The statements of the primary and unique keys of {@code table} on {@code <table><suffix>}, named so. */
    static List<String> keys(JdbcClient jdbc, String table, String suffix) {
        return jdbc.sql("""
                select format('alter table %2$s add constraint %%I %%s', k.conname || '%3$s', pg_get_constraintdef(k.oid))
                  from pg_constraint k where k.conrelid = '%1$s'::regclass and k.contype in ('p', 'u') order by k.oid
                """.formatted(table, table + suffix, suffix)).query(String.class).list();
    }

    /**
     * The statements of the unique indexes of the primary and unique keys of {@code table} on {@code <table><suffix>},
     * named {@code <key><suffix>}: built while others read the table (a key added takes it whole), they become its keys
     * when it is put in place ({@link #putInPlace}).
     */
    static List<String> keyIndexes(JdbcClient jdbc, String table, String suffix) {
        return jdbc.sql("""
                select regexp_replace(pg_get_indexdef(k.conindid), ' INDEX (\\S+) ON (\\S+) ',
                                      ' INDEX ' || k.conname || '%2$s ON \\2%2$s ')
                  from pg_constraint k where k.conrelid = '%1$s'::regclass and k.contype in ('p', 'u') order by k.oid
                """.formatted(table, suffix)).query(String.class).list();
    }

    /**
     * The statements of the other indexes of {@code table} on {@code <table><suffix>}, each named
     * {@code <name><suffix>}, and the mark of the index the table is clustered on (the mark goes with the name).
     */
    static List<String> indexes(JdbcClient jdbc, String table, String suffix) {
        List<String> indexes = new ArrayList<>(jdbc.sql("""
                select regexp_replace(pg_get_indexdef(i.indexrelid), ' INDEX (\\S+) ON (\\S+) ',
                                      ' INDEX \\1%2$s ON \\2%2$s ')
                  from pg_index i
                 where i.indrelid = '%1$s'::regclass
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
                 order by i.indexrelid
                """.formatted(table, suffix)).query(String.class).list());
        indexes.addAll(jdbc.sql("""
                select format('alter table %2$s cluster on %%I', c.relname || '%3$s')
                  from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = '%1$s'::regclass and i.indisclustered
                """.formatted(table, table + suffix, suffix)).query(String.class).list());
        return indexes;
    }

    /** The statements of the triggers of {@code table} on {@code <table><suffix>}, of the same names. */
    static List<String> triggers(JdbcClient jdbc, String table, String suffix) {
        return jdbc.sql("""
                select regexp_replace(pg_get_triggerdef(t.oid), ' ON (\\S+) ', ' ON \\1%2$s ')
                  from pg_trigger t where t.tgrelid = '%1$s'::regclass and not t.tgisinternal order by t.tgname
                """.formatted(table, suffix)).query(String.class).list();
    }

    /**
     * Drops each table and renames {@code <table><suffix>} to it, with its keys' and indexes' names, in the caller's
     * transaction, under a savepoint: false, with nothing changed, when a table could not be dropped (an object of
     * another's that depends on it, a coordinator's view) or renamed.
     */
    static boolean putInPlace(JdbcClient jdbc, List<String> tables, String suffix) {
        jdbc.sql("savepoint tables_beside").update();
        try {
            for (String table : tables) {
                String name = table.substring(table.indexOf('.') + 1);
                String schema = table.substring(0, table.indexOf('.'));
                // the keys whose unique indexes were built beside ({@link #keyIndexes}): added on them once renamed
                List<String> keys = jdbc.sql("""
                        select format('alter table %1$s add constraint %%I %%s using index %%I', k.conname,
                                      case k.contype when 'p' then 'primary key' else 'unique' end, k.conname)
                          from pg_constraint k
                         where k.conrelid = '%1$s'::regclass and k.contype in ('p', 'u')
                           and not exists (select 1 from pg_constraint b
                                            where b.conrelid = '%1$s%2$s'::regclass and b.conname = k.conname || '%2$s')
                           and exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
                                        where i.indrelid = '%1$s%2$s'::regclass and c.relname = k.conname || '%2$s')
                         order by k.oid
                        """.formatted(table, suffix)).query(String.class).list();
                List<String[]> renames = jdbc.sql("""
                        select c.relname, k.conname is not null
                          from pg_index i
                          join pg_class c on c.oid = i.indexrelid
                          left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid
                         where i.indrelid = '%s%s'::regclass
                        """.formatted(table, suffix))
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getBoolean(2) ? "key" : ""}).list();
                jdbc.sql("drop table " + table).update();
                jdbc.sql("alter table " + table + suffix + " rename to " + name).update();
                for (String[] index : renames) {
                    if (!index[0].endsWith(suffix)) {
                        continue;
                    }
                    String original = index[0].substring(0, index[0].length() - suffix.length());
                    jdbc.sql(index[1].isEmpty() ? "alter index " + schema + "." + index[0] + " rename to " + original
                            : "alter table " + table + " rename constraint " + index[0] + " to " + original).update();
                }
                keys.forEach(key -> jdbc.sql(key).update());
            }
        } catch (RuntimeException e) {
            // class names only: the messages may quote values
            log.warn("Tables written beside {} not put in place ({})", tables, e.getClass().getName());
            jdbc.sql("rollback to savepoint tables_beside").update();
            jdbc.sql("release savepoint tables_beside").update();
            return false;
        }
        jdbc.sql("release savepoint tables_beside").update();
        return true;
    }
}
