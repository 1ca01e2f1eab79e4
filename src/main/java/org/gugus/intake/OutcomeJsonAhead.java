package org.gugus.intake;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a file's outcome, made ready on a thread of its own while Gugus starts. A load's end
 * writes its outcome into the registry as JSON, reads it back for the answer workbook and prints it
 * for {@code --json}; the mapper builds its serializer and deserializer of {@link FileOutcome} (and
 * of {@link FileError} within it) at the first of them, by introspecting the records on the quick
 * compiler a command runs on: work a command did on its main thread after the reporting refresh,
 * just before its end. A made-up outcome, nothing of a file, goes through the same mapper, whose
 * caches keep them.
 */
final class OutcomeJsonAhead {

    private OutcomeJsonAhead() {
    }

    static void prepareInBackground(JsonMapper json) {
        Thread preparing = new Thread(() -> prepare(json), "gugus-outcome-json");
        preparing.setDaemon(true);
        preparing.start();
    }

    static void prepare(JsonMapper json) {
        FileOutcome loaded = new FileOutcome("outcome.csv", 0, "00.00", "", "CSV", LoadStatus.LOADED, 1, 1, 0, 0, 0, 0,
                0, 0, Map.of("R_CODE", 1L), Map.of("W_CODE", 1L), List.of("sheet"), null, null);
        FileOutcome quarantined = FileOutcome.quarantined("outcome.csv", 0, "00.00", "", "CSV",
                new FileError("F_CODE", "", ""));
        try {
            for (FileOutcome outcome : List.of(loaded, quarantined)) {
                json.readValue(json.writeValueAsString(outcome), FileOutcome.class);
            }
        } catch (RuntimeException e) {
            // only the end of the first load waits longer without it
        }
    }
}
