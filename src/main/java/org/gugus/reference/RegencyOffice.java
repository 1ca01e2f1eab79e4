package org.gugus.reference;

/** A regency/city office that reports cases, identified by its Kemendagri code, e.g. {@code 64.72}. */
public record RegencyOffice(String code, String name) {
}
