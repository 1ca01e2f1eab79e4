package org.gugus.reporting;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secondary indexes of the reporting tables a refresh writes (reports, their facts, the
 * per-person and per-case facts), set aside while a refresh rewrites at least as many persons as
 * the schema held (the first load into an empty schema, a load as large as everything before it)
 * and built again, in bulk, in the same transaction. Inserting 100,000 reports into every index
 * row by row cost a fifth of the refresh's CPU; building them afterwards costs a fraction of that.
 * The definitions are read from the catalogue, so the migrations stay their one source; a failed
 * refresh rolls the drop back with everything else. Readers of these tables wait for the refresh
 * to commit, as they do for a rebuild.
 */
final class DeferredIndexes {

    /** A secondary index as the catalogue defines it; {@code clustered}: the table is clustered on it. */
    record Index(String qualifiedName, String name, String table, String definition, boolean clustered) {
    }

    /** A primary key or unique constraint as the catalogue defines it. */
    record Key(String table, String name, String definition) {
    }

    private DeferredIndexes() {
    }

    /**
     * Drops the primary keys and unique constraints of the tables a rebuild writes whole (emptied in the
     * caller's transaction, so nothing can break them meanwhile) and returns what {@link #restoreKeys}
     * adds again. Each row inserted probed and extended its table's key index: the per-person and per-office
     * facts come out of their aggregates in no order of their keys, and those inserts cost about as much as
     * the aggregates (about 0.8 s of the rebuild's server CPU at 100,000 persons); a key built over the
     * finished table costs a fraction of that, and still rejects a duplicate. {@code kept}: tables whose keys
     * stay (qualified names: their rows are written beside, {@link PersonRowsAside}).
     */
    static List<Key> dropKeys(JdbcClient jdbc, List<String> kept) {
        List<Key> keys = jdbc.sql("""
                select c.oid::regclass::text, k.conname, pg_get_constraintdef(k.oid)
                  from pg_constraint k
                  join pg_class c on c.oid = k.conrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'reporting' and c.relname = any(:tables) and k.contype in ('p', 'u')
                   and n.nspname || '.' || c.relname <> all(:kept)
                 order by 1, 2
                """).param("tables", RebuiltTables.WRITTEN_WHOLE.toArray(String[]::new))
                .param("kept", kept.toArray(String[]::new))
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        keys.forEach(key -> jdbc.sql("alter table " + key.table() + " drop constraint " + key.name()).update());
        return keys;
    }

    /** Adds the dropped keys again, under their names. */
    static void restoreKeys(JdbcClient jdbc, List<Key> keys) {
        keys.forEach(key -> jdbc.sql("alter table " + key.table() + " add constraint " + key.name() + " "
                + key.definition()).update());
    }

    /** Drops the secondary indexes and returns what {@link #restore} builds again. */
    static List<Index> drop(JdbcClient jdbc) {
        return drop(jdbc, List.of());
    }

    /** Drops the secondary indexes but those of the tables {@code kept} (qualified names). */
    static List<Index> drop(JdbcClient jdbc, List<String> kept) {
        List<Index> indexes = jdbc.sql("""
                select x.oid::regclass::text, x.relname, c.oid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisclustered
                  from pg_index i
                  join pg_class x on x.oid = i.indexrelid
                  join pg_class c on c.oid = i.indrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'reporting' and c.relname = any(:tables) and not i.indisprimary and not i.indisunique
                   and n.nspname || '.' || c.relname <> all(:kept)
                 order by 1
                """).param("tables", RebuiltTables.INDEXED.toArray(String[]::new))
                .param("kept", kept.toArray(String[]::new))
                .query((rs, n) -> new Index(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
        indexes.forEach(index -> jdbc.sql("drop index " + index.qualifiedName()).update());
        return indexes;
    }

    /** Builds the dropped indexes again, the table's clustering index marked as it was. */
    static void restore(JdbcClient jdbc, List<Index> indexes) {
        for (Index index : indexes) {
            jdbc.sql(index.definition()).update();
            if (index.clustered()) {
                jdbc.sql("alter table " + index.table() + " cluster on " + index.name()).update();
            }
        }
    }
}
