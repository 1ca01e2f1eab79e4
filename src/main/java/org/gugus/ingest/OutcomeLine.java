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
            case LOADED -> start + " (" + o.format() + ") " + String.join(", ",
                    count("ingest.load.count.read", o.rowsRead()),
                    count("ingest.load.count.inserted", o.inserted()),
                    count("ingest.load.count.updated", o.updated()),
                    count("ingest.load.count.unchanged", o.unchanged()),
                    count("ingest.load.count.duplicates", o.duplicates()),
                    count("ingest.load.count.rejected", o.rejected()),
                    count("ingest.load.count.skipped", o.skipped()),
                    count("ingest.load.count.warnings", o.warnings()));
            case ALREADY_RECEIVED -> start + " \u2014 "
                    + Messages.get("ingest.load.line.already-received", o.alreadyReceivedAs()).both();
            case QUARANTINED, FAILED -> start + " [" + o.error().code() + "] " + o.error().message();
        };
    }

    /** {@code dibaca/read 152}: each count named in both languages, so the line stays one line. */
    private static String count(String key, long value) {
        Message label = Messages.get(key);
        return label.id() + "/" + label.en() + " " + value;
    }
}
