package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One value list of the template (sex, exploitation, ...): its codes, each with an Indonesian and
 * an English label and the synonyms offices write. A code matches its own code, its labels and its
 * synonyms, compared by {@link MatchKey}.
 */
public final class Vocabulary {

    /** One accepted value: the stored code, its labels and its synonyms. */
    public record Term(String code, String labelId, String labelEn, List<String> synonyms) {

        public Term {
            synonyms = List.copyOf(synonyms);
        }
    }

    /**
     * Cells remembered with what they matched, per value list: a file repeats a few dozen spellings
     * row after row, and each cell's key, split and look-ups cost more than the rest of its field.
     * Bounded, so a file of ever new spellings costs memory no more than this.
     */
    static final int REMEMBERED = 4096;

    private final String name;
    private final List<Term> terms;
    private final Map<String, Term> byKey = new LinkedHashMap<>();
    private final Map<String, Optional<Term>> matched = new ConcurrentHashMap<>();
    private final Map<ListCell, CodeList> listsMatched = new ConcurrentHashMap<>();

    Vocabulary(String name, List<Term> terms) {
        this.name = name;
        this.terms = List.copyOf(terms);
        for (Term term : this.terms) {
            List<String> spellings = new ArrayList<>(term.synonyms());
            spellings.add(term.code());
            spellings.add(term.labelId());
            spellings.add(term.labelEn());
            for (String spelling : spellings) {
                String key = MatchKey.of(spelling);
                if (key.isEmpty()) {
                    continue;
                }
                Term earlier = byKey.putIfAbsent(key, term);
                if (earlier != null && !earlier.code().equals(term.code())) {
                    throw InvalidTemplateException.of("template.vocabulary.spelling-twice", name, spelling,
                            earlier.code(), term.code());
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Term> terms() {
        return terms;
    }

    /** The term a single value stands for; brackets are dropped when the whole value matches nothing. */
    public Optional<Term> match(String value) {
        if (value == null) {
            return matchOnce(null);
        }
        Optional<Term> term = matched.get(value);
        if (term == null) {
            term = matchOnce(value);
            if (matched.size() < REMEMBERED) {
                matched.put(value, term);
            }
        }
        return term;
    }

    private Optional<Term> matchOnce(String value) {
        Term term = byKey.get(MatchKey.of(value));
        if (term == null) {
            term = byKey.get(MatchKey.withoutBrackets(value));
        }
        return Optional.ofNullable(term);
    }

    /**
     * The codes of a cell that may hold several values. The whole cell is tried first, so a synonym
     * that itself contains a separator still matches; otherwise each separated part is matched.
     * Codes come once each, in the order written.
     */
    public CodeList matchList(String value, ListSeparators separators) {
        if (value == null) {
            return matchListOnce(null, separators);
        }
        ListCell cell = new ListCell(value, separators);
        CodeList codes = listsMatched.get(cell);
        if (codes == null) {
            codes = matchListOnce(value, separators);
            if (listsMatched.size() < REMEMBERED) {
                listsMatched.put(cell, codes);
            }
        }
        return codes;
    }

    private CodeList matchListOnce(String value, ListSeparators separators) {
        Optional<Term> whole = match(value);
        if (whole.isPresent()) {
            return new CodeList(List.of(whole.get().code()), List.of());
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : separators.split(value)) {
            if (MatchKey.of(part).isEmpty()) {
                continue;
            }
            match(part).ifPresentOrElse(term -> codes.add(term.code()), () -> unknown.add(part));
        }
        return new CodeList(List.copyOf(codes), unknown);
    }

    /** The accepted values for a message in Indonesian: "L (Laki-laki), P (Perempuan)". */
    public String acceptedId() {
        return terms.stream().map(term -> term.code() + " (" + term.labelId() + ")").collect(Collectors.joining(", "));
    }

    /** The accepted values for a message in English: "L (Male), P (Female)". */
    public String acceptedEn() {
        return terms.stream().map(term -> term.code() + " (" + term.labelEn() + ")").collect(Collectors.joining(", "));
    }

    /** A multi-value cell as split by one set of separators (compared by identity: a template has one). */
    private record ListCell(String value, ListSeparators separators) {
    }

    /** The codes read from a multi-value cell, and the parts that matched no code, as written. */
    public record CodeList(List<String> codes, List<String> unknown) {

        public CodeList {
            codes = List.copyOf(codes);
            unknown = List.copyOf(unknown);
        }

        public boolean complete() {
            return unknown.isEmpty();
        }
    }
}
