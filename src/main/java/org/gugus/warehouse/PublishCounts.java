package org.gugus.warehouse;

import java.util.Map;

/** What publishing one staged file changed in the warehouse, and how its rows were judged. */
public record PublishCounts(long rowsRead, long inserted, long updated, long unchanged, long duplicates, long rejected,
        long warnings, Map<String, Long> rejectionsByCode, Map<String, Long> warningsByCode) {

    public PublishCounts {
        rejectionsByCode = Map.copyOf(rejectionsByCode);
        warningsByCode = Map.copyOf(warningsByCode);
    }
}
