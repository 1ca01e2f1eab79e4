package org.gugus.reference;

/**
 * A regency/city code no longer in use because its region moved to a new province, e.g. 64.04
 * Kabupaten Bulungan, now 65.01 in Kalimantan Utara. NIKs issued before the split still begin
 * with the former code, so the code is real, just not current.
 *
 * @param code    the former Kemendagri code, e.g. {@code 64.04}
 * @param current the regency/city it is now
 * @param basis   the law that moved it, e.g. {@code UU No 20 Tahun 2012}
 */
public record FormerRegency(String code, Region current, String basis) {
}
