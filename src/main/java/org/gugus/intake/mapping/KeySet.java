package org.gugus.intake.mapping;

import java.util.Arrays;
import java.util.Set;

/**
 * A few match keys (e.g. the template's blank values) that every cell is checked against: an ASCII
 * cell is compared by the hash of its key first, so its key is built only when the hash is one of
 * theirs (most cells are longer texts or dates, and build nothing).
 */
final class KeySet {

    private final Set<String> keys;
    private final int[] hashes;

    KeySet(Set<String> keys) {
        this.keys = Set.copyOf(keys);
        this.hashes = keys.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    }

    /** Whether the key of a text is empty or one of these keys. */
    boolean isEmptyOrHoldsKeyOf(String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        long hash = MatchKey.asciiKeyHashOr(text, MatchKey.NOT_ASCII);
        if (hash != MatchKey.NOT_ASCII && hash != 0 && Arrays.binarySearch(hashes, (int) hash) < 0) {
            // a non-empty key has a hash of 0 only rarely; then it is built and looked up below
            return false;
        }
        String key = MatchKey.of(text);
        return key.isEmpty() || keys.contains(key);
    }
}
