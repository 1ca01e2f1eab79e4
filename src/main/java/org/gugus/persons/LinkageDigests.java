package org.gugus.persons;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** An MD5 digest's two halves as numbers, read from its bytes. */
    private static final VarHandle HALVES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The row's text being digested: one builder a thread, reused record after record. */
    private static final ThreadLocal<StringBuilder> ROWS = ThreadLocal.withInitial(() -> new StringBuilder(256));
    /** In {@link #held}: a slot no digest took. */
    private static final int EMPTY = 0;
    /** In {@link #held}: the digest of two different reports' values, held for neither (both records are read). */
    private static final int AMBIGUOUS = -1;

    /**
     * The digests in an open-addressed table of primitive arrays (each digest's halves and the place of its values
     * among {@link #values}, plus one), not a map of a key object and a node per digest: 100,000 digests were
     * 300,000 objects of the run's live set while it read, each copied by the collector's pauses that fell in it.
     */
    private final long[] high;
    private final long[] low;
    private final int[] held;
    private final VictimReport[] values;
    private final int size;

    private LinkageDigests(long[] high, long[] low, int[] held, VictimReport[] values, int size) {
        this.high = high;
        this.low = low;
        this.held = held;
        this.values = values;
        this.size = size;
    }

    /**
     * The reports' values by their digests; only the first reports' when {@code stop} said so before every report was
     * digested (asked every 4,096 reports): the records of the others are read whole.
     */
    static LinkageDigests of(List<VictimReport> reports, BooleanSupplier stop) {
        MessageDigest md5 = md5();
        int slots = Integer.highestOneBit(Math.max(16, reports.size() * 2 - 1)) << 1;
        long[] high = new long[slots];
        long[] low = new long[slots];
        int[] held = new int[slots];
        List<VictimReport> values = new ArrayList<>(reports.size());
        int size = 0;
        for (int i = 0; i < reports.size(); i++) {
            if (i % 4_096 == 0 && stop.getAsBoolean()) {
                break;
            }
            VictimReport report = reports.get(i);
            byte[] digest = digest(report, md5);
            if (digest == null) {
                continue;
            }
            int slot = slot(high, low, held, digest);
            if (held[slot] == EMPTY) {
                high[slot] = (long) HALVES.get(digest, 0);
                low[slot] = (long) HALVES.get(digest, 8);
                values.add(report);
                held[slot] = values.size();
                size++;
            } else if (held[slot] != AMBIGUOUS && !values.get(held[slot] - 1).equals(report)) {
                held[slot] = AMBIGUOUS;
            }
        }
        return new LinkageDigests(high, low, held, values.toArray(VictimReport[]::new), size);
    }

    /** How many digests are held. */
    int size() {
        return size;
    }

    /** The values held for a record of this digest, under the record's id; null when none (or two) are. */
    VictimReport report(long victimId, byte[] digest) {
        if (digest == null || digest.length != 16) {
            return null;
        }
        int place = held[slot(high, low, held, digest)];
        if (place == EMPTY || place == AMBIGUOUS) {
            return null;
        }
        VictimReport values = this.values[place - 1];
        return new VictimReport(victimId, values.officeCode(), values.caseNumber(), values.name(), values.nik(),
                values.sex(), values.birthDate(), values.age(), values.reportDate(), values.birthPlace(),
                values.originRegencyCode(), values.originDistrictCode(), values.originVillageCode(), values.address());
    }

    /** The digest's slot: the one holding it, else the empty one it would take (the table is never half full). */
    private static int slot(long[] high, long[] low, int[] held, byte[] digest) {
        long first = (long) HALVES.get(digest, 0);
        long second = (long) HALVES.get(digest, 8);
        int mask = held.length - 1;
        // an MD5 digest's bits are already spread: its low half picks the slot
        int slot = (int) second & mask;
        while (held[slot] != EMPTY && (high[slot] != first || low[slot] != second)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * The digest of what linkage reads of a report, as the warehouse computes it of the record; null when a value
     * would not be written as the server writes it (a date outside the years 1 to 9999).
     */
    static byte[] digest(VictimReport report) {
        return digest(report, md5());
    }

    static byte[] digest(VictimReport report, MessageDigest md5) {
        if (!writable(report.birthDate()) || !writable(report.reportDate())) {
            return null;
        }
        StringBuilder row = ROWS.get();
        row.setLength(0);
        row.append('(');
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

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
