package org.gugus.warehouse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The thin rows of a file being published that compete with another row of their record: a record
 * that two thin rows repeat, or that a judged row of the file names too. Only these go through the
 * plan's sort of winners; every other thin row is its record's only row in the file and wins without
 * one. Also the thin rows that lose there (a later row of their record wins): duplicates.
 * <p>
 * Found from the runs' arrays of records ({@code warehouse.staged_run}) without unfolding them into
 * a table: a re-delivery's 99,000 thin rows unfolded, analyzed and grouped by their record took most
 * of its plan (issue 13). What is held in memory is the contested rows only, a few as a rule.
 */
final class ContestedThinRows {

    private static final ContestedThinRows NONE = new ContestedThinRows(new int[0], new long[0], new int[0], 0);

    private final int[] ordinals;
    private final long[] victimIds;
    private final int[] losers;
    private final long thinRows;

    private ContestedThinRows(int[] ordinals, long[] victimIds, int[] losers, long thinRows) {
        this.ordinals = ordinals;
        this.victimIds = victimIds;
        this.losers = losers;
        this.thinRows = thinRows;
    }

    /**
     * The file's contested thin rows, read from its runs ({@code warehouse.staged_run}) and its judged
     * rows of records the office has, in three look-ups none of which joins the runs to anything: the
     * records two thin rows repeat (one sort of the runs' records), the judged rows' records (one
     * look-up by identity each), and the thin rows of those records (one pass over the runs).
     */
    static ContestedThinRows read(JdbcClient jdbc, long fileId, OfficeIdentityIndex identities) {
        long thinRows = jdbc.sql("select coalesce(sum(cardinality(victim_ids)), 0) from warehouse.staged_run where file_id = ?")
                .param(fileId).query(Long.class).single();
        if (thinRows == 0) {
            return NONE;
        }
        // a window over the sorted records rather than a group: hashing 99,000 groups took three times as long
        List<Long> repeated = jdbc.sql("""
                select victim_id
                  from (select t.victim_id, lag(t.victim_id) over (order by t.victim_id) as previous
                          from warehouse.staged_run u
                         cross join lateral unnest(u.victim_ids) t(victim_id)
                         where u.file_id = ?) records
                 where victim_id = previous
                """).param(fileId).query(Long.class).list();
        // One probe of the office's identity index per judged row: a join let the planner hash the
        // office's whole victim table (0.75 s against 0.03 s for a 1 %-changed re-delivery of 100,000),
        // its estimate of the file's staged rows taken from an earlier, larger file.
        Rows judged = new Rows();
        jdbc.sql("""
                select ordinal, victim_id
                  from (select s.ordinal,
                               (select v.id from warehouse.victim v
                                 where %s and v.identity_key = s.identity_key) as victim_id
                          from warehouse.staged_row s
                         where s.file_id = ? and not s.rejected) named
                 where victim_id is not null
                """.formatted(identities.records("v"))).param(fileId).query(rs -> {
                    judged.add(rs.getInt(1), rs.getLong(2));
                });
        long[] contested = LongStream.concat(repeated.stream().mapToLong(Long::longValue),
                Arrays.stream(judged.victimIds())).sorted().distinct().toArray();
        Rows thin = new Rows();
        if (contested.length > 0) {
            // The records written into the statement as a constant array, which PostgreSQL looks rows up
            // in by hash; as a bind parameter, a cached generic plan would search it row by row.
            jdbc.sql("""
                    select u.first_ordinal + t.i::integer - 1, t.victim_id
                      from warehouse.staged_run u
                     cross join lateral unnest(u.victim_ids) with ordinality t(victim_id, i)
                     where u.file_id = ? and t.victim_id = any('%s'::bigint[])
                    """.formatted(Arrays.stream(contested).mapToObj(Long::toString)
                            .collect(Collectors.joining(",", "{", "}"))))
                    .param(fileId).query(rs -> {
                        thin.add(rs.getInt(1), rs.getLong(2));
                    });
        }
        return of(thin.ordinals(), thin.victimIds(), thinRows, judged.ordinals(), judged.victimIds());
    }

    /**
     * @param thinOrdinals    the ordinals of the file's thin rows, all of them or at least every one whose record
     *                        another thin row or a judged row names
     * @param thinVictimIds   the records they repeat, in the same order
     * @param thinRows        how many thin rows the file has
     * @param judgedOrdinals  the ordinals of the judged (not rejected) rows that name a record of the office
     * @param judgedVictimIds those records, in the same order
     */
    static ContestedThinRows of(int[] thinOrdinals, long[] thinVictimIds, long thinRows, int[] judgedOrdinals,
            long[] judgedVictimIds) {
        long[] contested = contested(thinVictimIds, judgedVictimIds);
        if (contested.length == 0) {
            return new ContestedThinRows(new int[0], new long[0], new int[0], thinRows);
        }
        // the last row of each contested record in the file, judged or thin
        int[] latest = new int[contested.length];
        Arrays.fill(latest, Integer.MIN_VALUE);
        for (int i = 0; i < judgedVictimIds.length; i++) {
            int at = Arrays.binarySearch(contested, judgedVictimIds[i]);
            latest[at] = Math.max(latest[at], judgedOrdinals[i]);
        }
        Rows rows = new Rows();
        for (int i = 0; i < thinVictimIds.length; i++) {
            int at = Arrays.binarySearch(contested, thinVictimIds[i]);
            if (at >= 0) {
                rows.add(thinOrdinals[i], thinVictimIds[i]);
                latest[at] = Math.max(latest[at], thinOrdinals[i]);
            }
        }
        int[] ordinals = rows.ordinals();
        long[] victimIds = rows.victimIds();
        int[] losers = new int[ordinals.length];
        int lost = 0;
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] < latest[Arrays.binarySearch(contested, victimIds[i])]) {
                losers[lost++] = ordinals[i];
            }
        }
        int[] sortedLosers = Arrays.copyOf(losers, lost);
        Arrays.sort(sortedLosers);
        return new ContestedThinRows(ordinals, victimIds, sortedLosers, thinRows);
    }

    /** Records two thin rows repeat, or a judged row names: sorted, distinct. */
    private static long[] contested(long[] thinVictimIds, long[] judgedVictimIds) {
        long[] sorted = thinVictimIds.clone();
        Arrays.sort(sorted);
        long[] contested = Arrays.copyOf(judgedVictimIds, judgedVictimIds.length + sorted.length / 2);
        int size = judgedVictimIds.length;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (i == 1 || sorted[i - 1] != sorted[i - 2])) {
                contested[size++] = sorted[i];
            }
        }
        return Arrays.stream(contested, 0, size).sorted().distinct().toArray();
    }

    /** The contested thin rows' ordinals (for the sort of winners). */
    Integer[] ordinals() {
        return Arrays.stream(ordinals).boxed().toArray(Integer[]::new);
    }

    /** The records the contested thin rows repeat, in the order of {@link #ordinals()}. */
    Long[] victimIds() {
        return Arrays.stream(victimIds).boxed().toArray(Long[]::new);
    }

    /** The thin rows that lose to a later row of their record, ascending. */
    Integer[] losers() {
        return Arrays.stream(losers).boxed().toArray(Integer[]::new);
    }

    /** Whether the file has thin rows at all. */
    boolean any() {
        return thinRows > 0;
    }

    /** Thin rows that win: every one but the losers. */
    long winners() {
        return thinRows - losers.length;
    }

    /** Rows as two growing arrays. */
    private static final class Rows {

        private int[] ordinals = new int[1024];
        private long[] victimIds = new long[1024];
        private int size;

        void add(int ordinal, long victimId) {
            if (size == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, size * 2);
                victimIds = Arrays.copyOf(victimIds, size * 2);
            }
            ordinals[size] = ordinal;
            victimIds[size] = victimId;
            size++;
        }

        int[] ordinals() {
            return Arrays.copyOf(ordinals, size);
        }

        long[] victimIds() {
            return Arrays.copyOf(victimIds, size);
        }
    }
}
