package org.gugus.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 as the judges use it: a fresh digest, and a copy of one that has already taken a fixed
 * prefix (a pseudonym key's pads, a sheet's fingerprint and headers), so that the prefix is hashed
 * once and each value goes on from a copy of its state.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest fresh() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** A digest that goes on from where {@code digest} stands; {@code digest} itself is left as it is. */
    public static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this Java cannot be copied", e);
        }
    }
}
