package org.gugus.warehouse;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record table's unique key on an office's identities and its other secondary indexes, set aside for a large
 * first delivery into a warehouse holding few records and built again after its rows, as the catalogue defines
 * them: put into each index one by one, 100,000 records took 1.34-1.47 s of server CPU, inserted without them
 * and indexed after 1.00-1.04 s (issue 13). The primary key stays: the other modules' foreign keys reference it,
 * and the ids, drawn in order, only ever append to it.
 */
final class VictimIndexesAside {

    /** A file sets the indexes aside when the table holds at most a quarter as many records as it brings. */
    static final int FEW = 4;

    /**
     * Below this many records ({@code gugus.warehouse.indexes-aside-from}) a file inserts into the indexes: what
     * building them again would save is little, and the table is held exclusively for it.
     */
    static final long MANY_RECORDS = 10_000;

    private VictimIndexesAside() {
    }

    /**
     * Drops the indexes when the table holds few records against these and no other session uses it (it is then
     * held exclusively until the publish commits); returns the statements that build them again, none otherwise.
     */
    static List<String> setAside(JdbcClient jdbc, long records) {
        if (records == 0 || held(jdbc, records / FEW + 1) > records / FEW
                || !jdbc.sql("select warehouse.hold_victims_alone()").query(Boolean.class).single()) {
            return List.of();
        }
        // each as [the statement that drops it, the one that builds it again]
        List<List<String>> keys = jdbc.sql("""
                select format('alter table warehouse.victim drop constraint %I', conname),
                       format('alter table warehouse.victim add constraint %I %s', conname, pg_get_constraintdef(oid))
                  from pg_constraint where conrelid = 'warehouse.victim'::regclass and contype = 'u' order by oid
                """).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list();
        // without cascade: anything depending on one of them fails the publish rather than going with it
        List<List<String>> indexes = jdbc.sql("""
                select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid) from pg_index i
                 where i.indrelid = 'warehouse.victim'::regclass and not i.indisprimary
                   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                 order by i.indexrelid
                """).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list();
        List<String> again = new ArrayList<>();
        for (List<List<String>> kind : List.of(keys, indexes)) {
            kind.forEach(statements -> {
                jdbc.sql(statements.get(0)).update();
                again.add(statements.get(1));
            });
        }
        return again;
    }

    /** The table's records, counted up to {@code most}. */
    private static long held(JdbcClient jdbc, long most) {
        return jdbc.sql("select count(*) from (select 1 from warehouse.victim limit ?) held").param(most)
                .query(Long.class).single();
    }
}
