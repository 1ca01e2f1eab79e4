package org.gugus.review;

import java.util.Map;

/**
 * A correction as staff send it: the changed columns (header as written in the file, any template
 * alias, or the field name, to the new value; the other columns keep what the office wrote), who
 * sends it, and why.
 */
public record CorrectionRequest(Map<String, String> values, String submittedBy, String note) {

    public CorrectionRequest {
        values = values == null ? Map.of() : values;
    }
}
