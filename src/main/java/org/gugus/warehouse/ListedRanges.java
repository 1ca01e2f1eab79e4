package org.gugus.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranges of records listed pending for persons ({@code persons.pending_range}, V111), walked in id order beside
 * the records listed one by one ({@code persons.pending_victim}), which come in id order too: each record pending at
 * the latest version either lists, unless resolved at that very version. Ranges never overlap (each holds the ids one
 * publish drew).
 */
final class ListedRanges {

    /** A record pending at a version. */
    @FunctionalInterface
    interface Pending {
        void accept(long id, int version);
    }

    /** The records from {@code first} to {@code last}, pending at {@code version}. */
    record Range(long first, long last, int version) {
    }

    private final List<Range> ranges;
    /** The version each record of the ranges was resolved at, for those resolved. */
    private final Map<Long, Integer> resolved = new HashMap<>();
    private int at;
    /** The next record of {@code ranges.get(at)} not given yet. */
    private long next;

    /**
     * @param ranges   sorted by their first record
     * @param resolved each resolved record of the ranges as its id and the version it was resolved at
     */
    ListedRanges(List<Range> ranges, List<long[]> resolved) {
        this.ranges = ranges;
        resolved.forEach(pair -> this.resolved.put(pair[0], (int) pair[1]));
        this.next = ranges.isEmpty() ? 0 : ranges.get(0).first();
    }

    /**
     * A record listed one by one, at the latest version listed for it, and the version it was resolved at (null when
     * never): given after the ranges' records before it, at the later of its version and its range's.
     */
    void listed(long id, int version, Integer resolvedAt, Pending action) {
        giveBefore(id, action);
        int latest = version;
        if (at < ranges.size() && next == id) {
            latest = Math.max(latest, ranges.get(at).version());
            advance();
        }
        if (resolvedAt == null || resolvedAt != latest) {
            action.accept(id, latest);
        }
    }

    /** The ranges' records after the last listed one by one. */
    void rest(Pending action) {
        giveBefore(Long.MAX_VALUE, action);
    }

    private void giveBefore(long id, Pending action) {
        while (at < ranges.size() && next < id) {
            int version = ranges.get(at).version();
            Integer resolvedAt = resolved.isEmpty() ? null : resolved.get(next);
            if (resolvedAt == null || resolvedAt != version) {
                action.accept(next, version);
            }
            advance();
        }
    }

    private void advance() {
        if (next < ranges.get(at).last()) {
            next++;
            return;
        }
        at++;
        if (at < ranges.size()) {
            next = ranges.get(at).first();
        }
    }
}
