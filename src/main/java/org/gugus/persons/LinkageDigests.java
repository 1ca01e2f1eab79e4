package org.gugus.persons;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.LinkableVictims;

/**
 * The values of a first load's records read before its publish's commit ({@link RecordsPreparedAhead}), known by the
 * digest of what linkage reads of them as the warehouse gives it ({@link LinkableVictims#forEachUnresolvedLinkageDigest}):
 * after the commit a run reads each pending record's id, version and digest only, and takes the values held for the
 * digest instead of reading the record whole (100,000 wide rows: about 2 s of a first load's run). A record whose
 * digest is not held (a value published otherwise than it was read, a record of another office) is read whole.
 * <p>
 * The digest is MD5 over the values' text as a row of them (a composite value's output: each value's text as the
 * driver reads it, nulls as nothing, a value quoted where it must be), in UTF-8: one text for one set of values, as
 * the server reads such a text back. A server that writes a value otherwise (another encoding, a date style other
 * than ISO, white space it counts otherwise) only gives digests no values are held for; one that refuses MD5 (in FIPS
 * mode) fails the digests' statement, and the run reads its records whole. MD5 rather than SHA-256, which such a
 * server computes: on the quick compiler the commands run on (no intrinsic), SHA-256 took the thread ahead 0.65-0.68 s
 * of 100,000 rows against MD5's 0.47-0.51 s (load 7).
 */
final class LinkageDigests {

    /** The values of two different reports of one digest: held for neither, both records are read. */
    private static final VictimReport AMBIGUOUS = new VictimReport(0, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    private final Map<Digest, VictimReport> values;

    private LinkageDigests(Map<Digest, VictimReport> values) {
        this.values = values;
    }

    /**
     * The reports' values by their digests; only the first reports' when {@code stop} said so before every report was
     * digested (asked every 4,096 reports): the records of the others are read whole.
     */
    static LinkageDigests of(List<VictimReport> reports, BooleanSupplier stop) {
        MessageDigest md5 = md5();
        Map<Digest, VictimReport> values = new HashMap<>(reports.size() * 2);
        for (int i = 0; i < reports.size(); i++) {
            if (i % 4_096 == 0 && stop.getAsBoolean()) {
                break;
            }
            VictimReport report = reports.get(i);
            byte[] digest = digest(report, md5);
            if (digest != null) {
                values.merge(new Digest(digest), report, (held, given) -> held.equals(given) ? held : AMBIGUOUS);
            }
        }
        return new LinkageDigests(values);
    }

    /** How many digests are held. */
    int size() {
        return values.size();
    }

    /** The values held for a record of this digest, under the record's id; null when none (or two) are. */
    VictimReport report(long victimId, byte[] digest) {
        VictimReport held = digest == null || digest.length != 16 ? null : values.get(new Digest(digest));
        if (held == null || held == AMBIGUOUS) {
            return null;
        }
        return new VictimReport(victimId, held.officeCode(), held.caseNumber(), held.name(), held.nik(), held.sex(),
                held.birthDate(), held.age(), held.reportDate(), held.birthPlace(), held.originRegencyCode(),
                held.originDistrictCode(), held.originVillageCode(), held.address());
    }

    /**
     * The digest of what linkage reads of a report, as the warehouse computes it of the record; null when a value
     * would not be written as the server writes it (a date outside the years 1 to 9999).
     */
    static byte[] digest(VictimReport report) {
        return digest(report, md5());
    }

    private static byte[] digest(VictimReport report, MessageDigest md5) {
        if (!writable(report.birthDate()) || !writable(report.reportDate())) {
            return null;
        }
        StringBuilder row = new StringBuilder(160).append('(');
        value(row, report.officeCode()).append(',');
        value(row, report.caseNumber()).append(',');
        value(row, report.name()).append(',');
        value(row, report.nik()).append(',');
        value(row, report.sex()).append(',');
        value(row, report.birthDate()).append(',');
        value(row, report.age()).append(',');
        value(row, report.reportDate()).append(',');
        value(row, report.birthPlace()).append(',');
        value(row, report.originRegencyCode()).append(',');
        value(row, report.originDistrictCode()).append(',');
        value(row, report.originVillageCode()).append(',');
        value(row, report.address()).append(')');
        md5.reset();
        return md5.digest(row.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the server writes the date as {@link LocalDate#toString()} does (ISO): the years 1 to 9999. */
    private static boolean writable(LocalDate date) {
        return date == null || date.getYear() >= 1 && date.getYear() <= 9999;
    }

    /**
     * A value as a row's text holds it: a null as nothing; an empty text, or one holding a quote, a backslash, a
     * parenthesis, a comma or white space, quoted, its quotes and backslashes doubled.
     */
    private static StringBuilder value(StringBuilder row, Object value) {
        if (value == null) {
            return row;
        }
        String text = value.toString();
        boolean quoted = text.isEmpty();
        for (int i = 0; i < text.length() && !quoted; i++) {
            char c = text.charAt(i);
            quoted = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == 0x0B || c == '\f';
        }
        if (!quoted) {
            return row.append(text);
        }
        row.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                row.append(c);
            }
            row.append(c);
        }
        return row.append('"');
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /** An MD5 digest as two numbers (a map's key). */
    private record Digest(long high, long low) {

        Digest(byte[] digest) {
            this(ByteBuffer.wrap(digest).getLong(0), ByteBuffer.wrap(digest).getLong(8));
        }
    }
}
