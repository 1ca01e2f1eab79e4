package org.gugus.persons;

import java.util.Arrays;
import org.gugus.warehouse.FirstDeliveryPlaces;

/**
 * What a first load's work ahead ({@link RecordsPreparedAhead}) read of the file's staged rows, in one statement: how
 * many, and the transactions that wrote them, sorted. When the file's publish vouched in its transaction for as many
 * rows written by the same transactions ({@link FirstDeliveryPlaces}), the records it published are those rows, one
 * for one in the file's order: the run takes each record's values from the row at its place ({@link #placed}), neither
 * a digest computed by the warehouse nor a look-up by value. Otherwise (no vouch, other counts or writers, a record of
 * the file at another version than its first) it takes them by their digests as before.
 */
record RowsReadAhead(long fileId, int rows, long[] writers) {

    /** Collects the writers of the rows as they are read (the rows of a chunk share their writer: few are distinct). */
    static final class Writers {

        private long[] seen = new long[8];
        private int size;
        private long last = Long.MIN_VALUE;

        void add(long writer) {
            if (writer == last) {
                return;
            }
            last = writer;
            for (int i = 0; i < size; i++) {
                if (seen[i] == writer) {
                    return;
                }
            }
            if (size == seen.length) {
                seen = Arrays.copyOf(seen, size * 2);
            }
            seen[size++] = writer;
        }

        long[] sorted() {
            long[] writers = Arrays.copyOf(seen, size);
            Arrays.sort(writers);
            return writers;
        }
    }

    /**
     * The pending records not resolved yet, in id order, each given with its place among the rows read (the i-th of
     * the file's records by id is the i-th row by ordinal) or -1 when it is not the file's; false, and the rows given
     * so far to be dropped, when the publish vouched for nothing or for other rows, when a record of the file is at
     * another version than its first, or when the file's pending records are not as many as its rows.
     */
    boolean placed(FirstDeliveryPlaces places, Placed action) {
        FirstDeliveryPlaces.Vouched vouched = places.vouched(fileId).filter(vouch -> vouch.readAs(rows, writers))
                .orElse(null);
        if (vouched == null) {
            return false;
        }
        Placing placing = new Placing();
        places.forEachUnresolved(fileId, vouched, (id, version, ofFile) -> {
            if (!ofFile) {
                action.accept(id, version, -1);
            } else if (version != 1 || placing.next == rows) {
                placing.refuted = true;
            } else if (!placing.refuted) {
                action.accept(id, version, placing.next++);
            }
        });
        return !placing.refuted && placing.next == rows;
    }

    /** How far {@link #placed} got: the next place to give, and whether a record of the file refuted the places. */
    private static final class Placing {

        private int next;
        private boolean refuted;
    }

    /** One pending record and its place among the rows read ahead (-1: not the file's). */
    @FunctionalInterface
    interface Placed {
        void accept(long id, int version, int place);
    }
}
