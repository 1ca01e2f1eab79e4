package org.gugus.persons;

import java.util.List;

/**
 * A queued pair for a reviewer: the two reports side by side field by field, the weight of every
 * comparison (in the pair), and the decisions taken so far. Names and NIKs are among the fields only for those
 * allowed to see them ({@code personal_data} says whether they are).
 */
public record PairDetail(PairSummary pair, boolean personalData, List<Field> fields, List<PairDecision> decisions) {

    /** One field of the two reports. */
    public record Field(String field, String a, String b) {
    }
}
