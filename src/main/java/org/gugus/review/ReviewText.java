package org.gugus.review;

import java.io.PrintStream;
import java.util.Map;

/** How review items print for a person on the command line. */
final class ReviewText {

    private ReviewText() {
    }

    static void print(RejectedRow row, PrintStream out) {
        out.printf("#%d  [%s]  berkas/file #%d %s  lembar/sheet '%s'  baris/row %d  kantor/office %s%n", row.id(),
                row.status(), row.fileId(), row.fileName(), row.sheet(), row.rowNumber(), row.officeCode());
        row.findings().forEach(finding -> print(finding, out));
    }

    static void print(FlaggedRow row, PrintStream out) {
        out.printf("korban/victim #%d  berkas/file #%d %s  lembar/sheet '%s'  baris/row %d  kantor/office %s  %s  %s%n",
                row.victimId(), row.fileId(), row.fileName(), row.sheet(), row.rowNumber(), row.officeCode(),
                row.caseNumber(), row.victimName());
        row.flags().forEach(finding -> print(finding, out));
    }

    static void print(Correction correction, PrintStream out) {
        out.printf("koreksi/correction #%d  %s  oleh/by %s  %s%s%n", correction.id(), correction.outcome(),
                correction.submittedBy(), correction.submittedAt(),
                correction.victimId() == null ? "" : "  korban/victim #" + correction.victimId());
        correction.findings().forEach(finding -> print(finding, out));
    }

    static void printOriginal(Map<String, String> original, PrintStream out) {
        out.println("  tertulis / as written:");
        original.forEach((column, value) -> out.printf("    %s = %s%n", column, value));
    }

    static String submitter(String by) {
        return by != null ? by : System.getProperty("user.name");
    }

    private static void print(ReviewFinding finding, PrintStream out) {
        out.printf("  %s  %s%n    %s%n", finding.code(), finding.messageId(), finding.messageEn());
    }
}
