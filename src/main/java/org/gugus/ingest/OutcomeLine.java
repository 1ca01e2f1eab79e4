package org.gugus.ingest;

import org.gugus.intake.FileOutcome;
import org.gugus.system.Messages;

/** A file's outcome in one line for a person, as {@code gugus load} and {@code gugus pull} print it. */
public final class OutcomeLine {

    private OutcomeLine() {
    }

    public static String of(FileOutcome o) {
        String start = o.file() + ": " + o.status();
        return switch (o.status()) {
            case LOADED -> start + " (" + o.format() + ") " + Messages.get("ingest.load.line.loaded", o.rowsRead(),
                    o.inserted(), o.updated(), o.unchanged(), o.duplicates(), o.rejected(), o.skipped(), o.warnings())
                    .both();
            case ALREADY_RECEIVED -> start + " \u2014 "
                    + Messages.get("ingest.load.line.already-received", o.alreadyReceivedAs()).both();
            case QUARANTINED, FAILED -> start + " [" + o.error().code() + "] " + o.error().message();
        };
    }
}
