package org.gugus.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * BPS and Kemendagri codes of the same regency/city. They differ for many regencies (BPS 6402 is
 * Kutai Barat, Kemendagri 64.02 is Kutai Kartanegara); matched by name, five by hand where names
 * changed (see {@code reference/README.md}).
 */
public final class RegencyCrosswalk {

    private final Map<String, String> kemendagriByBps = new HashMap<>();
    private final Map<String, String> bpsByKemendagri = new HashMap<>();

    private RegencyCrosswalk(String edition) {
        ReferenceCsv.read("kabupaten_kota_bps_kemendagri_" + edition + ".csv", row -> {
            kemendagriByBps.put(row.get(0), row.get(1));
            bpsByKemendagri.put(row.get(1), row.get(0));
        });
    }

    static RegencyCrosswalk edition(String edition) {
        return new RegencyCrosswalk(edition);
    }

    /** The Kemendagri code ({@code 64.07}) of a BPS regency code ({@code 6402}). */
    public Optional<String> kemendagriOfBps(String bpsCode) {
        return Optional.ofNullable(bpsCode == null ? null : kemendagriByBps.get(bpsCode.strip()));
    }

    /** The BPS code ({@code 6402}) of a Kemendagri regency code ({@code 64.07}). */
    public Optional<String> bpsOfKemendagri(String kemendagriCode) {
        return Optional.ofNullable(kemendagriCode == null ? null : bpsByKemendagri.get(kemendagriCode.strip()));
    }

    public int size() {
        return kemendagriByBps.size();
    }
}
