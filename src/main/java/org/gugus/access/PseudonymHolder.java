package org.gugus.access;

/**
 * A module that stores keyed pseudonyms ({@link PseudonymKey#pseudonym(String)}) and can recompute
 * every one of them from the data it keeps, e.g. the identity and person keys of victims. Called at
 * start-up when the key differs from the one the stored pseudonyms were made with (the first start,
 * a rotation, a restored key), in one transaction with the other holders.
 */
public interface PseudonymHolder {

    /** Recomputes every stored pseudonym with this key; returns how many rows it rewrote. */
    long rekey(PseudonymKey key);
}
