package org.gugus.intake;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a file's outcome, made ready on a thread of its own while Gugus starts. A load's end
 * writes its outcome into the registry as JSON, reads it back for the answer workbook and prints it
 * for {@code --json}; the mapper builds its serializer and deserializer of {@link FileOutcome} (and
 * of {@link FileError} within it) at the first of them, by introspecting the records on the quick
 * compiler a command runs on: work a command did on its main thread after the reporting refresh,
 * just before its end. A made-up outcome, nothing of a file, goes through the same mapper, whose
 * caches keep them. A failure is logged with its cause (the made-up outcome carries nothing of a
 * file) and the load goes on: its end then builds them itself, and fails there if it must.
 */
final class OutcomeJsonAhead {

    private static final Logger log = LoggerFactory.getLogger(OutcomeJsonAhead.class);

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
        } catch (RuntimeException | LinkageError e) {
            // only the end of the first load waits longer without it; but a mapper that cannot write or read an
            // outcome is a fault to see: logged with its cause (an outcome made up here, nothing of a file)
            log.warn("The outcome's JSON not made ready ahead", e);
        }
    }
}
