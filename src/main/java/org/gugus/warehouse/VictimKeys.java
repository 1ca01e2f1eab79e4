package org.gugus.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites the identity and person keys of every victim record ({@code warehouse.victim}) and every
 * staged row not yet published ({@code warehouse.staged_row}), computed by the caller from the office
 * and the normalised row each keeps. Published rows leave staging, and history rows carry no keys.
 */
@Component
public class VictimKeys {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    VictimKeys(DataSource dataSource) {
        // a template of its own: the rows are streamed, a fetch size must not leak into the shared one
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(BATCH);
    }

    /** The keys of one record. */
    public record Keys(String identityKey, String personKey) {
    }

    /**
     * Recomputes every key in the caller's transaction; returns how many rows were rewritten.
     *
     * @param keysOf the keys of a row from its office code and its normalised row ({@code case_row} as JSON text)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long rekey(BiFunction<String, String, Keys> keysOf) {
        jdbc.execute("create temp table rekeyed (id bigint, ordinal integer, identity_key char(64), person_key char(64))"
                + " on commit drop");
        long victims = rewrite("select id, 0, office_code, warehouse.victim_case_row(v)::text from warehouse.victim v", keysOf);
        jdbc.update("""
                update warehouse.victim v set identity_key = r.identity_key, person_key = r.person_key
                  from rekeyed r where v.id = r.id
                """);
        jdbc.execute("truncate rekeyed");
        long staged = rewrite("""
                select s.file_id, s.ordinal, f.office_code, warehouse.staged_case_row(s)::text
                  from warehouse.staged_row s join ingest.received_file f on f.id = s.file_id
                 where not s.rejected and s.known_victim_id is null  -- a thin row takes its keys from its record
                """, keysOf);
        jdbc.update("""
                update warehouse.staged_row s set identity_key = r.identity_key, person_key = r.person_key
                  from rekeyed r where s.file_id = r.id and s.ordinal = r.ordinal
                """);
        jdbc.execute("drop table rekeyed");
        return victims + staged;
    }

    private long rewrite(String query, BiFunction<String, String, Keys> keysOf) {
        List<Object[]> batch = new ArrayList<>(BATCH);
        long[] count = {0};
        jdbc.query(query, rs -> {
            Keys keys = keysOf.apply(rs.getString(3), rs.getString(4));
            batch.add(new Object[] {rs.getLong(1), rs.getInt(2), keys.identityKey(), keys.personKey()});
            count[0]++;
            if (batch.size() == BATCH) {
                flush(batch);
            }
        });
        flush(batch);
        return count[0];
    }

    private void flush(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("insert into rekeyed values (?, ?, ?, ?)", batch);
            batch.clear();
        }
    }
}
