package org.gugus.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A list of review items as JSON: {@code {"count": n, "rejections": [...]}} or
 * {@code {"count": n, "flags": [...]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReviewPage(int count, List<RejectedRow> rejections, List<FlaggedRow> flags) {

    static ReviewPage ofRejections(List<RejectedRow> rows) {
        return new ReviewPage(rows.size(), rows, null);
    }

    static ReviewPage ofFlags(List<FlaggedRow> rows) {
        return new ReviewPage(rows.size(), null, rows);
    }
}
