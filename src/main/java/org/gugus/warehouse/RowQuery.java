package org.gugus.warehouse;

/**
 * Which rows to list: of a file and/or an office ({@code null} for any), optionally of one code or
 * status, at most {@code limit}.
 */
public record RowQuery(Long fileId, String officeCode, String code, RejectionStatus status, int limit) {

    public RowQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
