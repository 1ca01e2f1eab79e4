package org.gugus.review;

import java.io.PrintStream;
import java.util.Map;
import org.gugus.system.Messages;

/** How review items print for a person on the command line. */
final class ReviewText {

    private ReviewText() {
    }

    static void print(RejectedRow row, PrintStream out) {
        out.println(line("review.text.rejected", row.id(), row.status(), row.fileId(), row.fileName(), row.sheet(),
                row.rowNumber(), row.officeCode()));
        row.findings().forEach(finding -> print(finding, out));
    }

    static void print(FlaggedRow row, PrintStream out) {
        out.println(line("review.text.flagged", row.victimId(), row.fileId(), row.fileName(), row.sheet(),
                row.rowNumber(), row.officeCode(), row.caseNumber(), row.victimName()));
        row.flags().forEach(finding -> print(finding, out));
    }

    static void print(Correction correction, PrintStream out) {
        out.println(line("review.text.correction", correction.id(), correction.outcome(), correction.submittedBy(),
                correction.submittedAt(),
                correction.victimId() == null ? "" : line("review.text.correction-victim", correction.victimId())));
        correction.findings().forEach(finding -> print(finding, out));
    }

    static void printOriginal(Map<String, String> original, PrintStream out) {
        out.println(line("review.text.as-written"));
        original.forEach((column, value) -> out.printf("    %s = %s%n", column, value));
    }

    static String submitter(String by) {
        return by != null ? by : System.getProperty("user.name");
    }

    private static void print(ReviewFinding finding, PrintStream out) {
        out.printf("  %s  %s%n    %s%n", finding.code(), finding.messageId(), finding.messageEn());
    }

    /** A command-line line: its labels are written in both languages in one pattern. */
    private static String line(String key, Object... arguments) {
        return Messages.text(Messages.INDONESIAN, key, arguments);
    }
}
