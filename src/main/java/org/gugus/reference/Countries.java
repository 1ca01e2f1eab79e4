package org.gugus.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every ISO 3166-1 alpha-2 country with its Indonesian and English names, from {@code reference/negara_iso3166_1.csv}. */
public final class Countries {

    private static final Countries BUNDLED = new Countries();

    private final Map<String, Country> byCode = new LinkedHashMap<>();

    private Countries() {
        ReferenceCsv.read("negara_iso3166_1.csv", row -> byCode.put(row.get(0), new Country(row.get(0), row.get(1), row.get(2))));
    }

    public static Countries bundled() {
        return BUNDLED;
    }

    public Optional<Country> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    public Collection<Country> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }
}
