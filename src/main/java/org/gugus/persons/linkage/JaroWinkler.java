package org.gugus.persons.linkage;

/** The Jaro–Winkler similarity of two strings (1 equal, 0 nothing in common), prefix scale 0.1 up to 4 letters. */
final class JaroWinkler {

    private JaroWinkler() {
    }

    /**
     * The similarity when it can reach {@code threshold}, else 0 — decided cheaply, without aligning
     * the strings, when they share too few letters.
     */
    static double similarityAtLeast(String a, String b, double threshold) {
        return similarityAtLeast(a, letters(a), b, letters(b), threshold);
    }

    /** {@link #similarityAtLeast(String, String, double)} of strings whose {@link #letters} are known. */
    static double similarityAtLeast(String a, int lettersA, String b, int lettersB, double threshold) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int inB = 0;
        for (int i = 0; i < la; i++) {
            if ((lettersB & bit(a.charAt(i))) != 0) {
                inB++;
            }
        }
        int inA = 0;
        for (int j = 0; j < lb; j++) {
            if ((lettersA & bit(b.charAt(j))) != 0) {
                inA++;
            }
        }
        double m = Math.min(inA, inB);
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double jaro = (m / la + m / lb + 1) / 3;
        if (jaro + prefix * 0.1 * (1 - jaro) < threshold) {
            return 0;
        }
        return similarity(a, b);
    }

    /** The letters of a string as a mask (letters alike modulo 32 share a bit: a cheap upper bound only). */
    static int letters(String s) {
        int mask = 0;
        for (int i = 0; i < s.length(); i++) {
            mask |= bit(s.charAt(i));
        }
        return mask;
    }

    private static int bit(char c) {
        return 1 << (c & 31);
    }

    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        if (la > 64 || lb > 64) {
            return similarity(a.substring(0, Math.min(la, 64)), b.substring(0, Math.min(lb, 64)));
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if ((matchedB & 1L << j) == 0 && c == b.charAt(j)) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        long restB = matchedB;
        long restA = matchedA;
        while (restA != 0) {
            int i = Long.numberOfTrailingZeros(restA);
            int j = Long.numberOfTrailingZeros(restB);
            if (a.charAt(i) != b.charAt(j)) {
                transpositions++;
            }
            restA &= restA - 1;
            restB &= restB - 1;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
