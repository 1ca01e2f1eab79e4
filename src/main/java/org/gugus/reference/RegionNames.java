package org.gugus.reference;

import java.util.List;
import java.util.Set;

/**
 * How region names are compared: case, accents, spaces and punctuation ignored ("Sanga-Sanga" =
 * "sanga sanga"), the words offices put in front of a name dropped ("Kab.", "Kecamatan", "Desa"),
 * and "Kep." read as "Kepulauan".
 */
final class RegionNames {

    static final Set<String> REGENCY_WORDS = Set.of("kabupaten", "kab", "kota", "kotamadya", "kotamadia", "kodya");
    static final Set<String> CITY_WORDS = Set.of("kota", "kotamadya", "kotamadia", "kodya");
    static final Set<String> DISTRICT_WORDS = Set.of("kecamatan", "kec", "distrik");
    static final Set<String> VILLAGE_WORDS = Set.of("desa", "ds", "kelurahan", "kel", "kampung", "kampong", "nagari",
            "gampong");
    private static final Set<String> ADMINISTRATIVE = Set.of("administrasi", "adm");

    private RegionNames() {
    }

    /** The words of a text, lower case, accents dropped, letters and digits only. */
    static List<String> words(String text) {
        return WrittenWords.of(text);
    }

    /** The words as one key, "kep" read as "kepulauan". */
    static String key(List<String> words) {
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            key.append(word.equals("kep") ? "kepulauan" : word);
        }
        return key.toString();
    }

    /** The key of a name without the leading words of {@code kinds} (and "Administrasi" after them). */
    static String keyWithout(String name, Set<String> kinds) {
        return key(withoutLeading(words(name), kinds));
    }

    static List<String> withoutLeading(List<String> words, Set<String> kinds) {
        int start = 0;
        while (start < words.size() - 1 && (kinds.contains(words.get(start)) || start > 0 && ADMINISTRATIVE.contains(words.get(start)))) {
            start++;
        }
        return words.subList(start, words.size());
    }
}
