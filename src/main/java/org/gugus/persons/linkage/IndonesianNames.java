package org.gugus.persons.linkage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Indonesian personal names made comparable for linkage: upper case, titles, academic degrees
 * ({@code S.Pd.}, {@code A.Md.}) and punctuation gone,
 * the patronymic markers ({@code bin}, {@code binti}, {@code bt}, {@code bn}) gone (the father's name
 * stays as a token), abbreviations written out ({@code St.} → SITI, {@code Moh.}/{@code Muh.} →
 * MUHAMMAD, {@code Abd.} → ABDUL, {@code Noor}/{@code Nurul} → NUR), the old (Van Ophuijsen / Soewandi)
 * spellings brought to the current ones ({@code dj} → J, {@code tj} → C, {@code oe} → U, {@code sj} →
 * SY, {@code ch} → KH), doubled letters single and a final {@code h} dropped.
 */
public final class IndonesianNames {

    /** Titles and forms of address that are not part of a name. */
    private static final Set<String> TITLES = Set.of("H", "HJ", "HAJI", "HAJAH", "HJH", "DR", "DRS", "DRA", "IR", "SH",
            "SE", "SPD", "SKM", "SKOM", "SAG", "SPDI", "AMD", "AMK", "MPD", "MM", "NY", "NYONYA", "NONA", "NN", "TN", "TUAN",
            "IBU", "BU", "BAPAK", "BPK", "PAK", "SDR", "SDRI", "SAUDARA", "SAUDARI", "ALM", "ALMH", "ALMARHUM", "ALMARHUMAH",
            "AN", "ATAS", "NAMA");

    /** The markers of a patronymic: removed, the father's name after them is kept. */
    private static final Set<String> PATRONYMIC = Set.of("BIN", "BINTI", "BINTE", "BT", "BN", "BTI");

    /** Abbreviations and spellings of the commonest name parts, to one form. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("ST", "SITI"), Map.entry("SITTI", "SITI"), Map.entry("SITY", "SITI"),
            Map.entry("M", "MUHAMMAD"), Map.entry("MOH", "MUHAMMAD"), Map.entry("MOCH", "MUHAMMAD"),
            Map.entry("MOHD", "MUHAMMAD"), Map.entry("MUH", "MUHAMMAD"), Map.entry("MUHD", "MUHAMMAD"),
            Map.entry("MHD", "MUHAMMAD"), Map.entry("MOHAMAD", "MUHAMMAD"), Map.entry("MOHAMMAD", "MUHAMMAD"),
            Map.entry("MOHAMMED", "MUHAMMAD"), Map.entry("MUHAMAD", "MUHAMMAD"), Map.entry("MUHAMMED", "MUHAMMAD"),
            Map.entry("MOCHAMAD", "MUHAMMAD"), Map.entry("MOCHAMMAD", "MUHAMMAD"), Map.entry("MUCHAMAD", "MUHAMMAD"),
            Map.entry("MUCHAMMAD", "MUHAMMAD"), Map.entry("MOHAMED", "MUHAMMAD"), Map.entry("MUHAMED", "MUHAMMAD"),
            Map.entry("ABD", "ABDUL"), Map.entry("ABDOEL", "ABDUL"), Map.entry("ABDOL", "ABDUL"),
            Map.entry("NOOR", "NUR"), Map.entry("NOER", "NUR"), Map.entry("NURUL", "NUR"), Map.entry("NUUR", "NUR"),
            Map.entry("NOR", "NUR"), Map.entry("NURUN", "NUR"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** An academic degree written with dots: S.Pd., S.H., A.Md.Keb. */
    private static final Pattern DEGREE = Pattern.compile("(?<![A-Z])[A-Z]{1,2}\\.[A-Z]{1,4}\\.?(?![A-Z])");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^A-Z]+");

    private IndonesianNames() {
    }

    /** The name's tokens, normalised, in the order written; empty for a blank or missing name. */
    public static List<String> tokens(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toUpperCase(Locale.ROOT).replace("'", "").replace("`", "").replace("’", "");
        folded = DEGREE.matcher(folded).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        for (String raw : NOT_LETTERS.split(folded)) {
            if (raw.isEmpty() || TITLES.contains(raw) || PATRONYMIC.contains(raw)) {
                continue;
            }
            String token = spelling(CANONICAL.getOrDefault(raw, raw));
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The name normalised: its tokens joined by single spaces ("" for none). */
    public static String normalise(String name) {
        return String.join(" ", tokens(name));
    }

    /**
     * One token in the current spelling: old spellings replaced, doubled letters single, a final H
     * dropped (FATIMAH and FATIMA, ABDULLAH and ABDULA are one token).
     */
    static String spelling(String token) {
        String t = CANONICAL.getOrDefault(token, token)
                .replace("DJ", "J").replace("TJ", "C").replace("OE", "U").replace("SJ", "SY").replace("CH", "KH");
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        if (out.length() > 2 && out.charAt(out.length() - 1) == 'H') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * A phonetic key of one normalised token: letters that sound alike in Indonesian names folded
     * (F/P/V, Z/J, Q/K, KH/K, SY/S, Y/J at the start, DZ/J), then the first sound and the consonants
     * that follow, without repeats: FATIMA and PATIMAH → PTM, YUSUF and JUSUP → JSP.
     */
    public static String phonetic(String token) {
        if (token.isEmpty()) {
            return token;
        }
        String t = token.replace("KH", "K").replace("SY", "S").replace("DZ", "J").replace("TS", "S").replace("Q", "K")
                .replace('V', 'P').replace('F', 'P').replace('Z', 'J').replace("X", "KS");
        if (t.charAt(0) == 'Y') {
            t = "J" + t.substring(1);
        }
        StringBuilder key = new StringBuilder(t.length());
        char first = t.charAt(0);
        key.append(isVowel(first) ? 'A' : first);
        char last = key.charAt(0);
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isVowel(c) || c == 'H' || c == 'W' || c == 'Y') {
                last = 0;
                continue;
            }
            if (c != last) {
                key.append(c);
            }
            last = c;
        }
        return key.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
    }
}
