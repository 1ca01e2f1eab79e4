package org.gugus.persons.linkage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The strings that the records of one batch share, each kept once, and what is made of each name token, made once a
 * token: a province's names draw on a few thousand tokens (SITI, NUR, MUHAMMAD), so a batch of records spells and
 * keys each of them once, not once a record (their spelling and phonetic key were a seventh of preparing a first
 * load's records). Bounded by the distinct tokens and strings, not by the records. Safe on several threads (records
 * are prepared on several cores).
 */
final class SharedStrings implements UnaryOperator<String> {

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    /** Each name part as written (upper case) and its token ({@link IndonesianNames#token}), kept once. */
    private final ConcurrentHashMap<String, String> tokensByPart = new ConcurrentHashMap<>();
    /** Each token and its phonetic key ({@link IndonesianNames#phonetic}), kept once. */
    private final ConcurrentHashMap<String, String> keysByToken = new ConcurrentHashMap<>();
    /** {@link #token} and {@link #phonetic} as functions, made once rather than once a record. */
    final UnaryOperator<String> tokenOf = this::token;
    final UnaryOperator<String> phoneticKeyOf = this::phonetic;

    /** The string kept for {@code value}: the first equal one given. */
    @Override
    public String apply(String value) {
        String known = strings.putIfAbsent(value, value);
        return known != null ? known : value;
    }

    /** The token of a name part as written, kept; "" for none. */
    String token(String part) {
        String known = tokensByPart.get(part);
        if (known == null) {
            String made = IndonesianNames.token(part);
            known = made.isEmpty() ? made : apply(made);
            tokensByPart.putIfAbsent(part, known);
        }
        return known;
    }

    /** The phonetic key of a token, kept. */
    String phonetic(String token) {
        String known = keysByToken.get(token);
        if (known == null) {
            known = apply(IndonesianNames.phonetic(token));
            keysByToken.putIfAbsent(token, known);
        }
        return known;
    }
}
