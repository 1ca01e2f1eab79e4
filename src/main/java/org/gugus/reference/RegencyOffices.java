package org.gugus.reference;

import java.util.List;
import java.util.Optional;

/**
 * The ten regency/city offices of Kalimantan Timur that deliver files. The office of a file is
 * known from where it came from (its drop folder or SFTP account), never from its content.
 */
public final class RegencyOffices {

    private static final List<RegencyOffice> KALIMANTAN_TIMUR = List.of(
            new RegencyOffice("64.01", "Kabupaten Paser"),
            new RegencyOffice("64.02", "Kabupaten Kutai Kartanegara"),
            new RegencyOffice("64.03", "Kabupaten Berau"),
            new RegencyOffice("64.07", "Kabupaten Kutai Barat"),
            new RegencyOffice("64.08", "Kabupaten Kutai Timur"),
            new RegencyOffice("64.09", "Kabupaten Penajam Paser Utara"),
            new RegencyOffice("64.11", "Kabupaten Mahakam Ulu"),
            new RegencyOffice("64.71", "Kota Balikpapan"),
            new RegencyOffice("64.72", "Kota Samarinda"),
            new RegencyOffice("64.74", "Kota Bontang"));

    private RegencyOffices() {
    }

    public static List<RegencyOffice> all() {
        return KALIMANTAN_TIMUR;
    }

    /** The office with this code, written {@code 64.72} or {@code 6472}. */
    public static Optional<RegencyOffice> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String compact = code.strip().replace(".", "");
        return KALIMANTAN_TIMUR.stream().filter(office -> office.code().replace(".", "").equals(compact)).findFirst();
    }
}
