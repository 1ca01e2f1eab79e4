package org.gugus.warehouse;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an office's first delivery's publish vouches for in its own transaction ({@link #vouch}, after its records
 * went in and before its rows are unstaged), so that record linkage can take each new record's values from the rows it
 * read ahead ({@link StagedVictims}) by the record's place rather than by a digest of its values: how many of the
 * file's rows were staged and not rejected, how many records the publish planned, and which transactions wrote those
 * rows ({@code xmin}). A reader that read as many rows, written by the same transactions, read the very rows published:
 * a row written or changed after the reader's snapshot (by any session, the publish's own included) carries a
 * transaction the reader did not see committed; a row deleted since makes the counts differ. The publish draws the
 * file's record ids in the file's order ({@link FirstDelivery#plan}), so the file's i-th record by id is its i-th row
 * by ordinal when no row was dropped (the planned as many as the staged). Nothing here is personal data.
 */
@Component
public class FirstDeliveryPlaces {

    private final JdbcClient jdbc;

    FirstDeliveryPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The plan's lowest and highest record id when its ids are one unbroken range, else nulls: ids drawn by another
     * session meanwhile, or those of rows that repeated an identity (dropped from the plan), leave gaps.
     */
    private static final String RANGE = """
            case when max(victim_id) - min(victim_id) + 1 = count(*) then min(victim_id) end as first_id,
            case when max(victim_id) - min(victim_id) + 1 = count(*) then max(victim_id) end as last_id""";

    /**
     * Written by a first delivery's publish once its plan ({@code publish_plan}) is written into records, in the
     * publish's transaction; nothing when the plan is empty. When the plan holds every valid staged row of the file
     * ({@code wholePlan}: no identity repeated), its rows and their writers are counted from the plan, which keeps
     * them, rather than from the staged rows again: at a million rows a scan of nearly a gigabyte of staged rows
     * that no longer fit the server's buffers (1.2-1.8 s, issue 13). The ids the plan kept are noted when they are
     * one range ({@link Ids}).
     */
    static void vouch(JdbcClient jdbc, boolean wholePlan) {
        if (wholePlan) {
            jdbc.sql("""
                    insert into warehouse.first_delivery_places (file_id, staged, planned, writers, first_id, last_id)
                    select min(p.file_id), count(*), count(*), array(select distinct writer from publish_plan), RANGE
                      from publish_plan p
                    having count(*) > 0
                    on conflict (file_id) do update set staged = excluded.staged, planned = excluded.planned,
                                                       writers = excluded.writers, first_id = excluded.first_id,
                                                       last_id = excluded.last_id
                    """.replace("RANGE", RANGE)).update();
            return;
        }
        jdbc.sql("""
                insert into warehouse.first_delivery_places (file_id, staged, planned, writers, first_id, last_id)
                select p.file_id, s.staged, p.planned, s.writers, p.first_id, p.last_id
                  from (select min(file_id) as file_id, count(*) as planned, RANGE from publish_plan) p
                 cross join lateral (select coalesce(sum(w.rows), 0) as staged,
                                            coalesce(array_agg(w.writer::text::bigint), '{}') as writers
                                       from (select xmin as writer, count(*) as rows
                                               from warehouse.staged_row
                                              where file_id = p.file_id and not rejected
                                              group by xmin) w) s
                 where p.planned > 0
                on conflict (file_id) do update set staged = excluded.staged, planned = excluded.planned,
                                                   writers = excluded.writers, first_id = excluded.first_id,
                                                   last_id = excluded.last_id
                """.replace("RANGE", RANGE)).update();
    }

    /** What the publish of the file vouched for, if it was an office's first delivery and published records. */
    public Optional<Vouched> vouched(long fileId) {
        return jdbc.sql("select staged, planned, writers, first_id, last_id from warehouse.first_delivery_places"
                + " where file_id = ?").param(fileId).query((rs, n) -> {
                    Long[] writers = (Long[]) rs.getArray(3).getArray();
                    long first = rs.getLong(4);
                    Ids ids = rs.wasNull() ? null : new Ids(first, rs.getLong(5));
                    return new Vouched(rs.getLong(1), rs.getLong(2),
                            Arrays.stream(writers).mapToLong(Long::longValue).sorted().toArray(), ids);
                }).optional();
    }

    /**
     * The records not resolved into persons yet, or changed since, in id order (those of
     * {@link LinkableVictims#forEachUnresolved}), each as its id, its version and whether the file is its source:
     * neither the case joined nor any value read.
     */
    public void forEachUnresolved(long fileId, Vouched vouched, PlaceRow action) {
        if (vouched.ids() != null) {
            forEachUnresolved(vouched.ids(), action);
        } else {
            forEachUnresolvedRead(fileId, action);
        }
    }

    /**
     * {@link #forEachUnresolved} of a file whose publish kept one range of ids: the pending list alone, each record at
     * the latest version listed for it (the publish lists each new record at its first version, the trigger of persons
     * every record updated at its new one, V046 and V090), the file's records told by their ids. At a million records
     * 0.2-0.4 s, against 0.8-2.4 s for the scan of the records' 781 MB (measured apart). The ranges listed (V111: a
     * first delivery's records, this file's among them) are walked here in id order beside the rows listed one by
     * one, rather than spelled out by the server: grouped and sorted there, a million ids took 2.1 s.
     */
    private void forEachUnresolved(Ids ids, PlaceRow action) {
        ListedRanges ranges = new ListedRanges(
                jdbc.sql("select first_id, last_id, victim_version from persons.pending_range order by first_id")
                        .query((rs, n) -> new ListedRanges.Range(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list(),
                // none but after a run that failed half-way through its own transaction: a run resolves every record
                // of a range it read, or lists those it left one by one
                jdbc.sql("""
                        select vp.victim_id, vp.victim_version from persons.pending_range r
                          join persons.victim_person vp on vp.victim_id between r.first_id and r.last_id
                        """).query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).list());
        ListedRanges.Pending unresolved =
                (id, version) -> action.accept(id, version, id >= ids.first() && id <= ids.last());
        jdbc.sql("""
                select p.victim_id, p.version, vp.victim_version
                  from (select victim_id, max(victim_version) as version from persons.pending_victim group by victim_id) p
                  left join persons.victim_person vp on vp.victim_id = p.victim_id
                 order by p.victim_id
                """).withFetchSize(10_000).query(rs -> {
                    int resolved = rs.getInt(3);
                    ranges.listed(rs.getLong(1), rs.getInt(2), rs.wasNull() ? null : resolved, unresolved);
                });
        ranges.rest(unresolved);
    }

    /** {@link #forEachUnresolved} read from the records. */
    private void forEachUnresolvedRead(long fileId, PlaceRow action) {
        jdbc.sql("""
                select v.id, v.version, v.source_file_id = ?
                  from warehouse.victim v
                 where v.id in (select victim_id from persons.pending_listed)
                   and not exists (select 1 from persons.victim_person p where p.victim_id = v.id and p.victim_version = v.version)
                 order by v.id
                """).param(fileId).withFetchSize(10_000).query(rs -> {
                    action.accept(rs.getLong(1), rs.getInt(2), rs.getBoolean(3));
                });
    }

    /** One row of {@link #forEachUnresolved}. */
    @FunctionalInterface
    public interface PlaceRow {
        void accept(long id, int version, boolean ofFile);
    }

    /**
     * What a first delivery's publish vouched for.
     *
     * @param staged  the file's rows staged and not rejected, as the publish saw them
     * @param planned the records it planned (fewer when the file repeated an identity)
     * @param writers the transactions that wrote those rows, sorted
     * @param ids     the ids of the records it kept, when they are one range; else null
     */
    public record Vouched(long staged, long planned, long[] writers, Ids ids) {

        /** Whether a reader that read {@code rows} rows written by {@code writers} (sorted) read the rows published. */
        public boolean readAs(long rows, long[] readWriters) {
            return staged == rows && planned == rows && Arrays.equals(writers, readWriters);
        }
    }

    /** The ids of a first delivery's records, every one from {@code first} to {@code last}. */
    public record Ids(long first, long last) {
    }
}
