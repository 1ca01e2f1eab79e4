package org.gugus.access;

/** Pseudonym keys for tests of other modules: random, in memory only. */
public final class PseudonymKeys {

    private PseudonymKeys() {
    }

    public static PseudonymKey random() {
        return PseudonymKey.generate();
    }
}
