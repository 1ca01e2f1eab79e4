package org.gugus.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a text as offices write it, for comparing names and labels: lower case, accents
 * dropped, letters and digits only ("Sanga-Sanga" gives [sanga, sanga], "a.n. Kepala Dinas" gives
 * [a, n, kepala, dinas]). Region names and the template's headers and values are compared this way.
 */
public final class WrittenWords {

    private WrittenWords() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder word = new StringBuilder();
        decomposed.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(Character.toLowerCase(codePoint));
            } else if (Character.getType(codePoint) != Character.NON_SPACING_MARK && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
