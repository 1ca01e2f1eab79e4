package org.gugus.intake.job;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.gugus.warehouse.StagedCase;

/**
 * A judged row's normalised values as the JSON text its content hash is made of ({@link ContentHashFunction}), written
 * straight as UTF-8 bytes: the fields under the template's names in a fixed order, without spaces,
 * strings escaped as Jackson's generator escapes them by default (a quote and a backslash after a
 * backslash, the short escapes of backspace, tab, line feed, form feed and carriage return, other
 * control characters as a backslash, {@code u00} and two hex digits in capitals), and a lone surrogate
 * as {@code ?}, as {@link String#getBytes} encodes it. Stored content hashes were made from Jackson's
 * text, so these bytes must stay exactly those (a test compares them on every kind of character): an
 * office whose records carry those SHA-256 hashes has its rows hashed so still.
 * Every valid row passes here: building the text with Jackson, then a string, then its bytes cost a
 * judge more than the SHA-256 of them.
 * <p>
 * One per judge thread, reused row after row.
 */
final class CaseRowText {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");

    private static final byte[] CASE_NUMBER = name("{", "case_number");
    private static final byte[] REPORT_DATE = name(",", "report_date");
    private static final byte[] INCIDENT_DATE = name(",", "incident_date");
    private static final byte[] VICTIM_NAME = name(",", "victim_name");
    private static final byte[] NIK = name(",", "nik");
    private static final byte[] SEX = name(",", "sex");
    private static final byte[] BIRTH_PLACE = name(",", "birth_place");
    private static final byte[] BIRTH_DATE = name(",", "birth_date");
    private static final byte[] AGE = name(",", "age");
    private static final byte[] ORIGIN_REGENCY = name(",", "origin_regency");
    private static final byte[] ORIGIN_REGENCY_CODE = name(",", "origin_regency_code");
    private static final byte[] ORIGIN_DISTRICT = name(",", "origin_district");
    private static final byte[] ORIGIN_DISTRICT_CODE = name(",", "origin_district_code");
    private static final byte[] ORIGIN_VILLAGE = name(",", "origin_village");
    private static final byte[] ORIGIN_VILLAGE_CODE = name(",", "origin_village_code");
    private static final byte[] ADDRESS = name(",", "address");
    private static final byte[] CITIZENSHIP = name(",", "citizenship");
    private static final byte[] CITIZENSHIP_COUNTRY = name(",", "citizenship_country");
    private static final byte[] EDUCATION = name(",", "education");
    private static final byte[] EXPLOITATION = name(",", "exploitation");
    private static final byte[] RECRUITMENT = name(",", "recruitment");
    private static final byte[] DESTINATION_COUNTRY = name(",", "destination_country");
    private static final byte[] DESTINATION_AREA = name(",", "destination_area");
    private static final byte[] CASE_STAGE = name(",", "case_stage");
    private static final byte[] SERVICES = name(",", "services");
    private static final byte[] NOTES = name(",", "notes");

    private byte[] bytes = new byte[1024];
    private int size;

    /** The content hash of the row: its JSON text's, by the office's function. */
    String contentHash(StagedCase row, ContentHashFunction function) {
        write(row);
        return function.hash(bytes, size);
    }

    /** The row's JSON text, for tests. */
    byte[] text(StagedCase row) {
        write(row);
        return Arrays.copyOf(bytes, size);
    }

    private void write(StagedCase row) {
        size = 0;
        text(CASE_NUMBER, row.caseNumber());
        text(REPORT_DATE, row.reportDate());
        text(INCIDENT_DATE, row.incidentDate());
        text(VICTIM_NAME, row.victimName());
        text(NIK, row.nik());
        text(SEX, row.sex());
        text(BIRTH_PLACE, row.birthPlace());
        text(BIRTH_DATE, row.birthDate());
        put(AGE);
        if (row.age() == null) {
            put(NULL);
        } else {
            number(Integer.toString(row.age()));
        }
        text(ORIGIN_REGENCY, row.originRegency());
        text(ORIGIN_REGENCY_CODE, row.originRegencyCode());
        text(ORIGIN_DISTRICT, row.originDistrict());
        text(ORIGIN_DISTRICT_CODE, row.originDistrictCode());
        text(ORIGIN_VILLAGE, row.originVillage());
        text(ORIGIN_VILLAGE_CODE, row.originVillageCode());
        text(ADDRESS, row.address());
        text(CITIZENSHIP, row.citizenship());
        text(CITIZENSHIP_COUNTRY, row.citizenshipCountry());
        text(EDUCATION, row.education());
        codes(EXPLOITATION, row.exploitation());
        codes(RECRUITMENT, row.recruitment());
        text(DESTINATION_COUNTRY, row.destinationCountry());
        text(DESTINATION_AREA, row.destinationArea());
        text(CASE_STAGE, row.caseStage());
        codes(SERVICES, row.services());
        text(NOTES, row.notes());
        ensure(1);
        bytes[size++] = '}';
    }

    private void text(byte[] name, String value) {
        put(name);
        if (value == null) {
            put(NULL);
        } else {
            string(value);
        }
    }

    private void codes(byte[] name, List<String> codes) {
        put(name);
        ensure(1);
        bytes[size++] = '[';
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) {
                ensure(1);
                bytes[size++] = ',';
            }
            string(codes.get(i));
        }
        ensure(1);
        bytes[size++] = ']';
    }

    /** A JSON string: quoted, escaped as Jackson escapes, in UTF-8 as {@link String#getBytes} encodes. */
    private void string(String value) {
        int length = value.length();
        ensure(length * 6 + 2); // at most six bytes a character (an escape), quotes
        byte[] out = bytes;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[at++] = (byte) c;
                } else {
                    at = escape(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?'; // unpaired: what String.getBytes(UTF_8) makes of it
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[at++] = '"';
        size = at;
    }

    private static int escape(byte[] out, int at, char c) {
        out[at++] = '\\';
        switch (c) {
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            case '\b' -> out[at++] = 'b';
            case '\t' -> out[at++] = 't';
            case '\n' -> out[at++] = 'n';
            case '\f' -> out[at++] = 'f';
            case '\r' -> out[at++] = 'r';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }

    private void number(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte[] part) {
        ensure(part.length);
        System.arraycopy(part, 0, bytes, size, part.length);
        size += part.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** A member's name as it follows what comes before it ({@code {} or {@code ,}): {@code ,"name":}. */
    private static byte[] name(String before, String name) {
        return ascii(before + "\"" + name + "\":");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
