package org.gugus.persons.linkage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Indonesian personal names made comparable for linkage: upper case, titles, academic degrees
 * ({@code S.Pd.}, {@code A.Md.}) and punctuation gone,
 * the patronymic markers ({@code bin}, {@code binti}, {@code bt}, {@code bn}) gone (the father's name
 * stays as a token), abbreviations written out ({@code St.} → SITI, {@code Moh.}/{@code Muh.} →
 * MUHAMMAD, {@code Abd.} → ABDUL, {@code Noor}/{@code Nurul} → NUR), the old (Van Ophuijsen / Soewandi)
 * spellings brought to the current ones ({@code dj} → J, {@code tj} → C, {@code oe} → U, {@code sj} →
 * SY, {@code ch} → KH), doubled letters single and a final {@code h} dropped.
 *
 * <p>A placeholder is no name: what offices write for a victim whose name they do not know or
 * withhold ("Korban 12", "Anak 1", "NN", "Tanpa Nama", "X", "Mr. X", initials only such as "A.S.")
 * gives no tokens, so it is missing to the comparisons and makes no name blocking key. The numbers in
 * a name are not part of its tokens; {@link #number} gives them, and two names whose numbers differ
 * never agree ("Siti Aminah 1" and "Siti Aminah 2").
 */
public final class IndonesianNames {

    /** Titles and forms of address that are not part of a name. */
    private static final Set<String> TITLES = Set.of("H", "HJ", "HAJI", "HAJAH", "HJH", "DR", "DRS", "DRA", "IR", "SH",
            "SE", "SPD", "SKM", "SKOM", "SAG", "SPDI", "AMD", "AMK", "MPD", "MM", "NY", "NYONYA", "NONA", "NN", "TN", "TUAN",
            "IBU", "BU", "BAPAK", "BPK", "PAK", "SDR", "SDRI", "SAUDARA", "SAUDARI", "ALM", "ALMH", "ALMARHUM", "ALMARHUMAH",
            "AN", "ATAS", "NAMA");

    /**
     * Words that stand for a name not known or withheld ("Korban 12", "Anak 1", "Tanpa Nama", "Tidak
     * Diketahui", "Bayi Perempuan"): a name of only these, titles, numbers and single letters is a
     * placeholder. Not in a real name, they are kept there as tokens ("Anak Agung Putri").
     */
    private static final Set<String> PLACEHOLDERS = Set.of("KORBAN", "ANAK", "BAYI", "BALITA", "REMAJA", "TANPA",
            "NAMA", "NN", "NONAME", "ANONIM", "ANONYMOUS", "UNKNOWN", "TIDAK", "TDK", "TAK", "DIKETAHUI", "DIKENAL",
            "DIKETAHU", "BELUM", "ADA", "KOSONG", "NIHIL", "NULL", "NONE", "NA", "INISIAL", "SAKSI", "PEREMPUAN", "LAKI",
            "WANITA", "PRIA", "ORANG", "SEORANG", "KE", "NO", "NOMOR", "NAME", "MR", "MRS", "MS", "MISS", "JOHN",
            "JANE", "DOE", "TPPO", "PMI", "X", "XX", "XXX", "XXXX", "ABC");

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
    private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]+");

    private IndonesianNames() {
    }

    /**
     * The name's tokens, normalised, in the order written; empty for a blank or missing name and for
     * a placeholder ({@link #isPlaceholder}).
     */
    public static List<String> tokens(String name) {
        return tokens(name, IndonesianNames::token);
    }

    /** {@link #tokens(String)}, each name part made a token by {@code token} ({@link #token}, or one kept). */
    static List<String> tokens(String name, UnaryOperator<String> token) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        // an ASCII name (most) has no marks to take off: neither normalised nor searched for them
        String unmarked = ascii(name) ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String folded = unmarked.toUpperCase(Locale.ROOT).replace("'", "").replace("`", "").replace("’", "");
        if (folded.indexOf('.') >= 0) {
            // a degree is written with dots: most names have none, and are not searched for one
            folded = DEGREE.matcher(folded).replaceAll(" ");
        }
        List<String> raws = new ArrayList<>();
        boolean named = false;
        for (String raw : runs(folded, false)) {
            if (TITLES.contains(raw) || PATRONYMIC.contains(raw)) {
                continue;
            }
            raws.add(raw);
            named |= raw.length() > 1 && !PLACEHOLDERS.contains(raw);
        }
        if (!named) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(raws.size());
        for (String raw : raws) {
            String made = token.apply(raw);
            if (!made.isEmpty()) {
                tokens.add(made);
            }
        }
        return tokens;
    }

    /** One name part as written (upper case, a run of letters) in its one form and current spelling; "" for none. */
    static String token(String part) {
        return spelling(CANONICAL.getOrDefault(part, part));
    }

    /**
     * Whether the name stands for none: blank, or only placeholder words ("Korban", "Anak", "Tanpa
     * Nama", "NN", "X"), titles, numbers and single letters (initials).
     */
    public static boolean isPlaceholder(String name) {
        return tokens(name).isEmpty();
    }

    /**
     * The numbers written in a name, joined by a space ("SITI AMINAH 2" → "2"), or null when it has
     * none. Two names whose numbers differ are different names, whatever their letters.
     */
    public static String number(String name) {
        if (name == null) {
            return null;
        }
        if (name.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return null; // most names: no regular expression run for them
        }
        String digits = NOT_DIGITS.matcher(name).replaceAll(" ").trim();
        if (digits.isEmpty()) {
            return null;
        }
        StringBuilder number = new StringBuilder(digits.length());
        for (String part : digits.split(" ")) {
            number.append(number.isEmpty() ? "" : " ").append(part.replaceFirst("^0+(?=.)", ""));
        }
        return number.toString();
    }

    /**
     * The runs of letters A–Z (and of digits too when {@code digits}) in a text, in order: what splitting it by
     * {@code [^A-Z]+} ({@code [^A-Z0-9]+}) gives but its empty parts, without a regular expression run per record.
     */
    static List<String> runs(String text, boolean digits) {
        List<String> runs = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean in = c >= 'A' && c <= 'Z' || digits && c >= '0' && c <= '9';
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                runs.add(text.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            runs.add(start == 0 ? text : text.substring(start));
        }
        return runs;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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
