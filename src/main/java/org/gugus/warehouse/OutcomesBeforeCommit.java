package org.gugus.warehouse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A first delivery's row outcomes as its publish keeps them, worked out beside the publish before it commits
 * ({@link OutcomesAhead}): what {@link RowOutcomes#kept} reads once the publish has committed, stretch by stretch,
 * the same rows and runs with the same findings (a rejected row's with their messages, as kept with the rejection).
 * Valid only for a publish that commits; held in memory ({@link OutcomesAhead#MOST} rows and runs at most).
 */
public final class OutcomesBeforeCommit {

    private final List<RowOutcome> rows;
    private final List<RowOutcomes.Run> runs;

    public OutcomesBeforeCommit(List<RowOutcome> rows, List<RowOutcomes.Run> runs) {
        this.rows = rows.stream().sorted(Comparator.comparingInt(RowOutcome::ordinal)).toList();
        this.runs = runs.stream().sorted(Comparator.comparingInt(RowOutcomes.Run::firstOrdinal)).toList();
    }

    /** As {@link RowOutcomes#kept}: the rows, and the runs starting, past {@code afterOrdinal} up to {@code limit}. */
    public RowOutcomes.Kept kept(int afterOrdinal, int limit) {
        long last = (long) afterOrdinal + limit;
        List<RowOutcome> stretch = new ArrayList<>();
        for (RowOutcome row : rows) {
            if (row.ordinal() > afterOrdinal && row.ordinal() <= last) {
                stretch.add(row);
            }
        }
        List<RowOutcomes.Run> started = new ArrayList<>();
        int through = afterOrdinal + limit;
        for (RowOutcomes.Run run : runs) {
            if (run.firstOrdinal() > afterOrdinal && run.firstOrdinal() <= last) {
                started.add(run);
                through = Math.max(through, run.lastOrdinal());
            }
        }
        return new RowOutcomes.Kept(stretch, started, through);
    }
}
