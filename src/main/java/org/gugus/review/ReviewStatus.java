package org.gugus.review;

import java.util.Locale;

/** The status filter of rejected rows: OPEN (not yet corrected), CORRECTED, or ALL. */
final class ReviewStatus {

    private ReviewStatus() {
    }

    /** The status to filter by, {@code null} for ALL. */
    static String of(String written) {
        String status = written == null ? "OPEN" : written.strip().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "OPEN", "CORRECTED" -> status;
            case "ALL" -> null;
            default -> throw new IllegalArgumentException("Status '" + written + "' tidak dikenal; pakai OPEN, CORRECTED "
                    + "atau ALL. / Unknown status '" + written + "'; use OPEN, CORRECTED or ALL.");
        };
    }
}
