package org.gugus.persons.linkage;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Nomor Induk Kependudukan as linkage reads it: 16 digits, the first 6 the region of
 * registration (province, regency, district), the next 6 the birth date DDMMYY (women: day + 40),
 * the last 4 a sequence number. Anything else (blank, wrong length, all one digit, no province) is
 * not a valid NIK and counts as missing.
 */
final class Nik {

    private Nik() {
    }

    /** The NIK's 16 digits when it is a valid one, else null (spaces and dots are ignored). */
    static String valid(String nik) {
        if (nik == null) {
            return null;
        }
        char[] digits = new char[16];
        int length = 0;
        boolean oneDigit = true;
        for (int i = 0; i < nik.length(); i++) {
            char c = nik.charAt(i);
            if (c == '.' || c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (c < '0' || c > '9' || length == 16) {
                return null;
            }
            oneDigit &= length == 0 || c == digits[0];
            digits[length++] = c;
        }
        if (length != 16 || oneDigit || digits[0] == '0') {
            return null;
        }
        return length == nik.length() ? nik : new String(digits);
    }

    /** The region and birth parts (first 12 digits) of a valid NIK. */
    static String regionBirth(String validNik) {
        return validNik.substring(0, 12);
    }

    /**
     * The birth date a valid NIK's birth part gives (women's day less 40; the century the one that
     * makes the person younger than 100 at {@code seen}, or today), or null when it is no date.
     */
    static LocalDate birthDate(String validNik, LocalDate seen) {
        if (validNik == null) {
            return null;
        }
        int day = Integer.parseInt(validNik.substring(6, 8));
        int month = Integer.parseInt(validNik.substring(8, 10));
        int year = Integer.parseInt(validNik.substring(10, 12));
        if (day > 40) {
            day -= 40;
        }
        LocalDate reference = seen != null ? seen : LocalDate.now();
        int fullYear = 2000 + year > reference.getYear() ? 1900 + year : 2000 + year;
        try {
            return LocalDate.of(fullYear, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** How many of the positions differ (the lengths are equal). */
    static int differences(String a, String b, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
            }
        }
        return count;
    }

    /** One digit off: one digit different, or two neighbouring digits swapped. */
    static boolean oneDigitOff(String a, String b) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (count++ == 0) {
                    first = i;
                } else if (count > 2) {
                    return false; // most pairs compared: two people's NIKs, not a typing error
                }
            }
        }
        if (count == 1) {
            return true;
        }
        return count == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.charAt(first + 1) != b.charAt(first + 1);
    }

    /**
     * Two valid NIKs that cannot be one person's: they differ, and not by one typing error (one digit
     * wrong, or two neighbouring digits swapped), wherever in the 16 digits. Two NIKs of one region
     * and birth date whose sequence numbers differ by more are two people (twins, or children of one
     * village born on one day), not one.
     */
    static boolean conflict(String a, String b) {
        return !a.equals(b) && !oneDigitOff(a, b);
    }

    /**
     * A valid NIK's 16 digits packed four bits each, the first digit highest (never 0: a valid NIK's first digit is
     * not 0); 0 for no valid NIK. What {@link #conflict(long, long)} compares: a first load's blocks pair millions of
     * records, most of them two people's NIKs, and comparing them as strings was most of the scoring.
     */
    static long packed(String validNik) {
        if (validNik == null) {
            return 0;
        }
        long packed = 0;
        for (int i = 0; i < validNik.length(); i++) {
            packed = packed << 4 | validNik.charAt(i) - '0';
        }
        return packed;
    }

    /** {@link #conflict(String, String)} of two valid NIKs {@link #packed}. */
    static boolean conflict(long a, long b) {
        long differ = a ^ b;
        if (differ == 0) {
            return false;
        }
        // one bit per digit that differs, at the lowest bit of its four
        long digits = (differ | differ >>> 1 | differ >>> 2 | differ >>> 3) & 0x1111_1111_1111_1111L;
        int count = Long.bitCount(digits);
        if (count == 1) {
            return false; // one digit wrong
        }
        if (count > 2) {
            return true;
        }
        int low = Long.numberOfTrailingZeros(digits);
        // two neighbouring digits swapped
        return digits != 0x11L << low || (a >>> low & 0xf) != (b >>> low + 4 & 0xf)
                || (a >>> low + 4 & 0xf) != (b >>> low & 0xf);
    }
}
