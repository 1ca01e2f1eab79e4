/**
 * Reference: Indonesia's facts the rules check against, shipped inside Gugus and versioned by
 * edition. {@link org.gugus.reference.Regions}: every province, regency/city, district and village
 * with its Kemendagri code (Kepmendagri No 300.2.2-2138 Tahun 2025), the regency codes that split
 * regions left behind (still the first digits of older NIKs), and names as offices write them;
 * {@link org.gugus.reference.RegencyCrosswalk}: BPS and Kemendagri regency codes;
 * {@link org.gugus.reference.Countries}: ISO 3166-1 alpha-2 with Indonesian and English names.
 * <p>
 * Takes in nothing but its resource files and owns the ten reporting offices ({@link org.gugus.reference.RegencyOffices}) ({@code src/main/resources/reference/}, see the README
 * there); emits plain values. A new Kepmendagri edition is a new resource file and a new edition
 * name, never an edit of an old one. No dependency on any other module.
 */
@ApplicationModule(allowedDependencies = {"system"})
package org.gugus.reference;

import org.springframework.modulith.ApplicationModule;
