package org.gugus.reference;

import java.util.List;

/** What a regency/city value as written resolves to. */
public sealed interface RegencyMatch {

    record Found(Region regency) implements RegencyMatch {
    }

    /** The name fits more than one regency/city, e.g. "Kupang" (Kabupaten Kupang and Kota Kupang). */
    record Ambiguous(List<Region> candidates) implements RegencyMatch {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * Nothing fits.
     *
     * @param formerCode the written code was this regency's before a split (e.g. 64.04 Bulungan, now 65.01); may be null
     * @param bpsCodeOf  the written 4 digits are the BPS code of this regency; may be null
     * @param province   the value names a province, not a regency; may be null
     */
    record NotFound(FormerRegency formerCode, Region bpsCodeOf, Region province) implements RegencyMatch {
    }
}
