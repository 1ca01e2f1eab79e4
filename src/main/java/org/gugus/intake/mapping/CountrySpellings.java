package org.gugus.intake.mapping;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gugus.reference.Countries;
import org.gugus.reference.Country;

/**
 * Country names as offices write them, read as ISO 3166-1 alpha-2 codes. Every country of the
 * shipped reference list ({@link Countries}) is known by its code and by its
 * Indonesian and English names;
 * the template adds other spellings ("Dalam Negeri", "UEA", "Tawau"), which take precedence.
 */
public final class CountrySpellings {

    private final Set<String> codes = new TreeSet<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    CountrySpellings(Map<String, List<String>> aliasesByCode) {
        Collection<Country> reference = Countries.bundled().all();
        reference.forEach(country -> codes.add(country.code()));
        aliasesByCode.forEach((code, spellings) -> {
            if (!codes.contains(code)) {
                throw InvalidTemplateException.of("template.country.unknown", code);
            }
            for (String spelling : spellings) {
                String key = MatchKey.of(spelling);
                String earlier = aliases.putIfAbsent(key, code);
                if (earlier != null && !earlier.equals(code)) {
                    throw InvalidTemplateException.of("template.country.spelling-twice", spelling, earlier, code);
                }
            }
        });
        for (Country country : reference) {
            String code = country.code();
            for (String name : List.of(country.nameId(), country.nameEn())) {
                names.putIfAbsent(MatchKey.of(name), code);
                String withoutBrackets = MatchKey.withoutBrackets(name);
                if (!withoutBrackets.isEmpty()) {
                    names.putIfAbsent(withoutBrackets, code);
                }
            }
        }
    }

    /** The ISO code a country value stands for, if any. */
    public Optional<String> code(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.length() == 2 && codes.contains(trimmed.toUpperCase(Locale.ROOT))) {
            return Optional.of(trimmed.toUpperCase(Locale.ROOT));
        }
        // the key without brackets only when the whole text's matches nothing (most cells match at once)
        Optional<String> code = byKey(MatchKey.of(value));
        return code.isPresent() ? code : byKey(MatchKey.withoutBrackets(value));
    }

    private Optional<String> byKey(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String code = aliases.get(key);
        return Optional.ofNullable(code != null ? code : names.get(key));
    }

    /** Every ISO 3166-1 alpha-2 code. */
    public Set<String> codes() {
        return Collections.unmodifiableSet(codes);
    }
}
