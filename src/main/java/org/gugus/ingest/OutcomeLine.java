package org.gugus.ingest;

import org.gugus.intake.FileOutcome;
import org.gugus.system.Message;
import org.gugus.system.Messages;

/** A file's outcome in one line for a person, as {@code gugus load} and {@code gugus pull} print it. */
public final class OutcomeLine {

    private OutcomeLine() {
    }

    public static String of(FileOutcome o) {
        String start = o.file() + ": " + o.status();
        return switch (o.status()) {
            case LOADED -> start + " (" + o.format() + ") " + String.join(", ", count("read", o.rowsRead()),
                    count("inserted", o.inserted()), count("updated", o.updated()), count("unchanged", o.unchanged()),
                    count("duplicates", o.duplicates()), count("rejected", o.rejected()), count("skipped", o.skipped()),
                    count("warnings", o.warnings()));
            case ALREADY_RECEIVED -> start + " \u2014 "
                    + Messages.get("ingest.load.line.already-received", o.alreadyReceivedAs()).both();
            case QUARANTINED, FAILED -> start + " [" + o.error().code() + "] " + o.error().message();
        };
    }

    /** {@code dibaca/read 152}: each count named in both languages, so the line stays one line. */
    private static String count(String name, long value) {
        Message label = Messages.get("ingest.load.count." + name);
        return label.id() + "/" + label.en() + " " + value;
    }
}
