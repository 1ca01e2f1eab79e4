package org.gugus.persons;

import java.util.Arrays;
import java.util.List;
import org.gugus.persons.linkage.BlockScoring;
import org.gugus.persons.linkage.PreparedRecords;

/**
 * The records a bounded run's scored pairs hold that the run does not (stored records sharing a block with a new
 * one): with the run's own, the scope of its persons before their relatives are added. Known as the pairs are
 * kept, they spare the server the union of a million pending ids with the pairs' and the search of the scope for
 * the records not pending (7.8 s of a million-record run under load). None at a first load onto an empty store.
 */
final class PairedOthers {

    private final PreparedRecords held;
    private long[] ids = new long[64];
    private int size;

    PairedOthers(PreparedRecords held) {
        this.held = held;
    }

    /** Notes the records of these pairs that the run does not hold. */
    void note(List<BlockScoring.Spilled> pairs) {
        for (BlockScoring.Spilled pair : pairs) {
            note(pair.victimA());
            note(pair.victimB());
        }
    }

    private void note(long id) {
        if (held.holds(id)) {
            return;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    /** The records noted, each once, ascending. */
    long[] ascending() {
        long[] sorted = Arrays.copyOf(ids, size);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[distinct - 1] != sorted[i]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The run's records and {@code others} (none of them the run's), in ascending order, to {@code each}. */
    void forEachInScope(long[] others, IdConsumer each) {
        int o = 0;
        for (int i = 0; i < held.size(); i++) {
            long id = held.id(i);
            while (o < others.length && others[o] < id) {
                each.accept(others[o++]);
            }
            each.accept(id);
        }
        while (o < others.length) {
            each.accept(others[o++]);
        }
    }

    /** Takes an id. */
    @FunctionalInterface
    interface IdConsumer {
        void accept(long id);
    }
}
