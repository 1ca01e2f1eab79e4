package org.gugus.review;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the review commands print for one row or one correction: JSON for scripts ({@code --json})
 * or text for people, and the exit status a correction ends with.
 */
final class ReviewOutput {

    private final JsonMapper json;
    private final boolean asJson;
    private final PrintStream out;

    ReviewOutput(JsonMapper json, boolean asJson, PrintStream out) {
        this.json = json;
        this.asJson = asJson;
        this.out = out;
    }

    /** A row with what was written and every correction sent for it. */
    void row(Object jsonValue, Runnable printRow, Map<String, String> original, List<Correction> corrections) {
        if (asJson) {
            out.println(json.writeValueAsString(jsonValue));
            return;
        }
        printRow.run();
        ReviewText.printOriginal(original, out);
        corrections.forEach(correction -> ReviewText.print(correction, out));
    }

    /** Prints a correction; 2 when it still has errors, else 0. */
    int correction(Correction correction) {
        if (asJson) {
            out.println(json.writeValueAsString(correction));
        } else {
            ReviewText.print(correction, out);
        }
        return correction.rejected() ? 2 : 0;
    }
}
