package org.gugus.warehouse;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The thin rows of a file being published that compete with another row of their record: a record
 * that two thin rows repeat, or that a judged row of the file names too. Only these go through the
 * plan's sort of winners; every other thin row is its record's only row in the file and wins without
 * one. Also the thin rows that lose there (a later row of their record wins): duplicates.
 * <p>
 * Found from the runs' arrays of records ({@code warehouse.staged_run}) read once, in memory: a
 * re-delivery's 99,000 thin rows unfolded into a table, analyzed and grouped by the server took most
 * of its plan (issue 13). Twelve bytes a thin row while it runs.
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

    /** The file's thin rows as staged, and its judged rows of records the office has. */
    static ContestedThinRows read(JdbcClient jdbc, long fileId, String officeCode) {
        Rows thin = new Rows();
        jdbc.sql("select first_ordinal, victim_ids::text from warehouse.staged_run where file_id = ?")
                .param(fileId).query(rs -> {
                    thin.addRun(rs.getInt(1), rs.getString(2));
                });
        if (thin.size == 0) {
            return NONE;
        }
        Rows judged = new Rows();
        jdbc.sql("""
                select s.ordinal, v.id
                  from warehouse.staged_row s
                  join warehouse.victim v on v.office_code = ? and v.identity_key = s.identity_key
                 where s.file_id = ? and not s.rejected
                """).params(officeCode, fileId).query(rs -> {
                    judged.add(rs.getInt(1), rs.getLong(2));
                });
        return of(thin.ordinals(), thin.victimIds(), judged.ordinals(), judged.victimIds());
    }

    /**
     * @param thinOrdinals    the thin rows' ordinals
     * @param thinVictimIds   the records they repeat, in the same order
     * @param judgedOrdinals  the ordinals of the judged (not rejected) rows that name a record of the office
     * @param judgedVictimIds those records, in the same order
     */
    static ContestedThinRows of(int[] thinOrdinals, long[] thinVictimIds, int[] judgedOrdinals, long[] judgedVictimIds) {
        long[] contested = contested(thinVictimIds, judgedVictimIds);
        if (contested.length == 0) {
            return new ContestedThinRows(new int[0], new long[0], new int[0], thinOrdinals.length);
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
        return new ContestedThinRows(ordinals, victimIds, sortedLosers, thinOrdinals.length);
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

        /** A run's records as PostgreSQL writes a bigint array: {@code {12,13,14}}. */
        void addRun(int firstOrdinal, String victimIds) {
            int ordinal = firstOrdinal;
            int end = victimIds.length() - 1;
            int start = 1;
            while (start < end) {
                int comma = victimIds.indexOf(',', start);
                int stop = comma < 0 ? end : comma;
                add(ordinal++, Long.parseLong(victimIds, start, stop, 10));
                start = stop + 1;
            }
        }

        int[] ordinals() {
            return Arrays.copyOf(ordinals, size);
        }

        long[] victimIds() {
            return Arrays.copyOf(victimIds, size);
        }
    }
}
