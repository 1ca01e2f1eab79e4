package org.gugus.persons;

import java.util.Set;
import java.util.function.ToLongFunction;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.VictimReport;
import org.springframework.stereotype.Component;

/**
 * The blocking keys of victim records, as stored: a keyed 64-bit hash of each key, since keys carry
 * names and NIKs: {@link Linkage#keyHash} of the key behind a secret salt, the HMAC pseudonym of a
 * fixed text under the pseudonym key (computed once per key). Without the pseudonym key a hash cannot
 * be recomputed from a guessed name or NIK; with a new key every hash is recomputed
 * ({@link BlockKeyRekeying}).
 */
@Component
class BlockKeys {

    private final Linkage linkage;

    BlockKeys(Linkage linkage) {
        this.linkage = linkage;
    }

    /** The salt of the hashes under a pseudonym key. */
    static String salt(PseudonymKey key) {
        return key.pseudonym("gugus.persons.block-key");
    }

    /** The hashed blocking keys of a record, under the salt of a pseudonym key. */
    long[] hashes(VictimReport report, String salt) {
        return hashes(linkage.blockingKeys(report), salt);
    }

    /** The hashes of blocking keys under the salt of a pseudonym key. */
    long[] hashes(Set<String> keys, String salt) {
        long[] hashes = new long[keys.size()];
        int i = 0;
        for (String text : keys) {
            hashes[i++] = hash(text, salt);
        }
        return hashes;
    }

    /** The hash of one blocking key under the salt of a pseudonym key. */
    static long hash(String key, String salt) {
        return Linkage.keyHash(salt + ":" + key);
    }

    /** {@link #hash(String, String)} under one salt, for many keys: neither the salted key nor its bytes built. */
    static ToLongFunction<String> hashing(String salt) {
        return Linkage.keyHashAfter(salt + ":");
    }
}
