package org.gugus.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Before a publish unstages its file: the staging table claimed whole for the truncate of {@code
 * warehouse.unstage_rows} (V097) when autovacuum alone uses it. After a large stage autovacuum often works on the
 * table while the file is published (its new rows reach the insert threshold), and the truncate, which waits for
 * no one, gave way to it: a million-row first load's publish then deleted its rows one by one (4.5-4.8 s in two
 * runs of four on a shared machine, main and branch alike, issue 13) and left a million dead rows for a vacuum
 * beside the persons' run. Autovacuum is stopped (where the server allows it; else the server stops it itself when
 * it is in the way of a lock, after {@code deadlock_timeout}) and the table waited for two seconds at most. Another
 * session using the table is never waited for: the rows are then deleted, as before.
 */
final class StagingTableClaim {

    private StagingTableClaim() {
    }

    /** Claims the staging table until the caller's transaction ends, if autovacuum alone uses it. */
    static void pastAutovacuum(JdbcClient jdbc) {
        // an anonymous block: a lock not had in time leaves the caller's transaction as it was
        jdbc.sql("""
                do $$
                declare
                    vacuuming integer[];
                    others boolean;
                    previous text := current_setting('lock_timeout');
                begin
                    select array_agg(l.pid) filter (where a.backend_type = 'autovacuum worker'),
                           coalesce(bool_or(a.backend_type is distinct from 'autovacuum worker'), false)
                      into vacuuming, others
                      from pg_locks l
                      left join pg_stat_activity a on a.pid = l.pid
                     where l.relation = 'warehouse.staged_row'::regclass and l.pid <> pg_backend_pid();
                    if vacuuming is null or others then
                        return;
                    end if;
                    begin
                        perform pg_cancel_backend(worker) from unnest(vacuuming) worker;
                    exception
                        when insufficient_privilege then
                            null;
                    end;
                    perform set_config('lock_timeout', '2s', true);
                    lock table warehouse.staged_row in access exclusive mode;
                    perform set_config('lock_timeout', previous, true);
                exception
                    when lock_not_available or insufficient_privilege then
                        null;
                end
                $$
                """).update();
    }
}
