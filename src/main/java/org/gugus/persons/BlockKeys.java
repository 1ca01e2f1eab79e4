package org.gugus.persons;

import java.util.Set;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.VictimReport;
import org.springframework.stereotype.Component;

/**
 * The blocking keys of victim records, as stored: a keyed 64-bit hash of each key (the first 16 hex
 * digits of its HMAC pseudonym), since keys carry names and NIKs. Without the pseudonym key a hash
 * cannot be recomputed from a guessed name or NIK.
 */
@Component
class BlockKeys {

    private final Linkage linkage;

    BlockKeys(Linkage linkage) {
        this.linkage = linkage;
    }

    /** The hashed blocking keys of a record, under this pseudonym key. */
    long[] hashes(VictimReport report, PseudonymKey key) {
        Set<String> keys = linkage.blockingKeys(report);
        long[] hashes = new long[keys.size()];
        int i = 0;
        for (String text : keys) {
            hashes[i++] = Long.parseUnsignedLong(key.pseudonym("block:" + text).substring(0, 16), 16);
        }
        return hashes;
    }
}
