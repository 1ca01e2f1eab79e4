package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How several values are separated in one cell: single characters ({@code , ; / +}, a line break)
 * and whole words ("dan"), as listed in the template.
 */
public final class ListSeparators {

    private final List<String> characters;
    private final List<String> words;
    private final Pattern pattern;

    ListSeparators(List<String> characters, List<String> words) {
        this.characters = List.copyOf(characters);
        this.words = List.copyOf(words);
        List<String> alternatives = new ArrayList<>();
        this.characters.stream().filter(s -> !s.isEmpty()).map(Pattern::quote).forEach(alternatives::add);
        this.words.stream()
                .filter(s -> !s.isBlank())
                .map(word -> "(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])")
                .forEach(alternatives::add);
        this.pattern = alternatives.isEmpty() ? null
                : Pattern.compile(alternatives.stream().collect(Collectors.joining("|")),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public List<String> characters() {
        return characters;
    }

    public List<String> words() {
        return words;
    }

    /** The non-blank parts of a cell, trimmed; line breaks of any platform count as one. */
    public List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        String[] parts = pattern == null ? new String[] { text } : pattern.split(text);
        List<String> result = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }
}
