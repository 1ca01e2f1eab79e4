package org.gugus.intake.mapping;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;
import org.gugus.reference.WrittenWords;

/**
 * The form in which the template compares what offices write with its aliases and synonyms: lower
 * case, accents dropped, and only letters and digits kept. Spaces, dots, underscores, dashes and
 * slashes therefore never matter, so "Kab/Kota", "Kab-Kota", "kab. kota" and "KABKOTA" are one key.
 */
public final class MatchKey {

    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");

    private MatchKey() {
    }

    /** The key of a text; empty when the text holds no letter or digit (blank, "-", "?"). */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isAscii(text)) {
            // NFKD leaves ASCII as it is; most cells are ASCII, and normalising every cell is costly
            StringBuilder key = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    key.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    key.append((char) (c + ('a' - 'A')));
                }
            }
            return key.toString();
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(codePoint -> key.appendCodePoint(Character.toLowerCase(codePoint)));
        return key.toString();
    }

    /**
     * The {@link String#hashCode()} the key of an ASCII text would have, computed without building
     * the key; {@code null} for a text with other characters (NFKD may turn one character into
     * several letters, or a non-letter into one).
     */
    static Integer asciiKeyHash(String text) {
        long hash = asciiKeyHashOr(text, NOT_ASCII);
        return hash == NOT_ASCII ? null : (int) hash;
    }

    /** What {@link #asciiKeyHash} gives for a text with other characters, from {@link #asciiKeyHashOr}. */
    static final long NOT_ASCII = Long.MIN_VALUE;

    /**
     * As {@link #asciiKeyHash}, without boxing the hash (every cell of every row is checked against the
     * blank values): the hash, or {@code otherwise} for a text with other characters than ASCII.
     */
    static long asciiKeyHashOr(String text, long otherwise) {
        int hash = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return otherwise;
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                hash = 31 * hash + c;
            } else if (c >= 'A' && c <= 'Z') {
                hash = 31 * hash + (c + ('a' - 'A'));
            }
        }
        return hash;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key of a text without its bracketed parts, tried when the whole text matches nothing:
     * "Tanggal Lapor (dd/mm/yyyy)" becomes the key of "Tanggal Lapor".
     */
    public static String withoutBrackets(String text) {
        if (text == null || text.indexOf('(') < 0 && text.indexOf('[') < 0) {
            return "";
        }
        return of(BRACKETED.matcher(text).replaceAll(" "));
    }

    /** The words of a text, each as a key: "a.n. Kepala Dinas" gives [a, n, kepala, dinas]. */
    public static List<String> words(String text) {
        return WrittenWords.of(text);
    }

    /** Whether the text's words begin with all the words of {@code phrase}. */
    public static boolean startsWithWords(List<String> words, List<String> phrase) {
        return !phrase.isEmpty() && words.size() >= phrase.size() && words.subList(0, phrase.size()).equals(phrase);
    }
}
