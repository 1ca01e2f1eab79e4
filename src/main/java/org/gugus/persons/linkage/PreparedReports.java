package org.gugus.persons.linkage;

import java.util.List;

/** Victim records normalised once for a run over all of them ({@link Linkage#prepare}); opaque to callers. */
public final class PreparedReports {

    private final List<Prepared> records;

    PreparedReports(List<Prepared> records) {
        this.records = records;
    }

    List<Prepared> records() {
        return records;
    }

    public int size() {
        return records.size();
    }
}
