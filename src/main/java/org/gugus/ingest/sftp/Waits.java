package org.gugus.ingest.sftp;

import java.time.Duration;

/** How a wait is written for people: {@code 200ms}, {@code 1m}, {@code 2m 30s}, {@code 1h 5m}. */
final class Waits {

    private Waits() {
    }

    static String format(Duration wait) {
        if (wait.isZero()) {
            return "0s";
        }
        if (wait.toMillis() < 1000) {
            return wait.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        append(text, wait.toHours(), "h");
        append(text, wait.toMinutesPart(), "m");
        append(text, wait.toSecondsPart(), "s");
        if (wait.toHours() == 0 && wait.toMinutesPart() == 0) {
            append(text, wait.toMillisPart(), "ms");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
