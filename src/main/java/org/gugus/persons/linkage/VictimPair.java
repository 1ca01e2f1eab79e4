package org.gugus.persons.linkage;

/** Two victim records, the lower id first. */
public record VictimPair(long a, long b) {

    public VictimPair {
        if (a >= b) {
            throw new IllegalArgumentException("a must be below b: " + a + ", " + b);
        }
    }

    public static VictimPair of(long x, long y) {
        return x < y ? new VictimPair(x, y) : new VictimPair(y, x);
    }
}
