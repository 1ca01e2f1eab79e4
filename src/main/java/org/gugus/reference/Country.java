package org.gugus.reference;

/** A country: ISO 3166-1 alpha-2 code with its Indonesian and English names. */
public record Country(String code, String nameId, String nameEn) {
}
