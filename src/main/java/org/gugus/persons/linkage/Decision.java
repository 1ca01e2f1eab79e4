package org.gugus.persons.linkage;

/** A reviewer's decision on a pair; it wins over the model in every later run. */
public enum Decision {
    SAME, DIFFERENT
}
