package org.gugus.review;

import java.util.Locale;
import org.gugus.system.Messages;
import org.gugus.warehouse.RejectionStatus;

/** The status filter of rejected rows as people write it: OPEN (not yet corrected), CORRECTED, DISMISSED, or ALL. */
final class ReviewStatus {

    private ReviewStatus() {
    }

    /** The status to filter by, {@code null} for ALL; OPEN when none is written. */
    static RejectionStatus of(String written) {
        String status = written == null ? "OPEN" : written.strip().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "OPEN" -> RejectionStatus.OPEN;
            case "CORRECTED" -> RejectionStatus.CORRECTED;
            case "DISMISSED" -> RejectionStatus.DISMISSED;
            case "ALL" -> null;
            default -> throw new IllegalArgumentException(Messages.get("review.status.unknown", written).both());
        };
    }
}
