package org.gugus.reference;

/** What the first four digits of a NIK (province and regency/city) stand for. */
public sealed interface NikRegion {

    /** A regency/city code of the current edition. */
    record Current(Region regency) implements NikRegion {
    }

    /** A real code of a regency/city before a split; see {@link FormerRegency}. */
    record Former(FormerRegency former) implements NikRegion {
    }

    /** No regency/city, current or former, has this code. */
    record Unknown(String code) implements NikRegion {
    }
}
