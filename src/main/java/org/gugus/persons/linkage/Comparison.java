package org.gugus.persons.linkage;

import java.util.List;

/**
 * The comparisons of a pair of victim records, each with its levels from the strongest agreement
 * to disagreement. A pair falls in one level of each comparison, or in none ("missing", weight 0)
 * when either record lacks the value.
 */
enum Comparison {

    NIK("nik", List.of("equal", "one_digit_off", "region_birth_equal", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.nik == null || b.nik == null) {
                return MISSING;
            }
            if (a.nik.equals(b.nik)) {
                return 0;
            }
            if (Nik.oneDigitOff(a.nik, b.nik)) {
                return 1;
            }
            return a.nik.regionMatches(0, b.nik, 0, 12) ? 2 : 3;
        }
    },

    NAME("name", List.of("equal", "reordered", "token_dropped", "jaro_winkler_92", "jaro_winkler_85", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (!a.hasName() || !b.hasName()) {
                return MISSING;
            }
            if (a.nameNumber != null && b.nameNumber != null && !a.nameNumber.equals(b.nameNumber)) {
                return 5; // numbered labels ("SITI 1", "SITI 2") that differ only in their number are not one name
            }
            if (a.name.equals(b.name)) {
                return 0;
            }
            Prepared few = a.sortedTokens.length <= b.sortedTokens.length ? a : b;
            Prepared many = few == a ? b : a;
            String[] shorter = few.sortedTokens;
            String[] longer = many.sortedTokens;
            double weakest = 1;
            boolean allExact = true;
            for (int s = 0; s < shorter.length; s++) {
                String token = shorter[s];
                double best = 0;
                for (int l = 0; l < longer.length; l++) {
                    String other = longer[l];
                    double similarity = token.equals(other) ? 1 : JaroWinkler.similarityAtLeast(token,
                            few.sortedTokenLetters[s], other, many.sortedTokenLetters[l], 0.85);
                    best = Math.max(best, similarity);
                    if (best == 1) {
                        break;
                    }
                }
                allExact &= best == 1;
                weakest = Math.min(weakest, best);
                if (weakest < 0.85) {
                    break;
                }
            }
            if (allExact) {
                return shorter.length == longer.length ? 1 : 2;
            }
            if (weakest >= 0.92) {
                return 3;
            }
            // a name written as one word or split (NURHAYATI and NUR HAYATI): only when the token counts differ
            if (a.tokens.length != b.tokens.length && a.compact.charAt(0) == b.compact.charAt(0)
                    && JaroWinkler.similarityAtLeast(a.compact, a.compactLetters, b.compact, b.compactLetters, 0.92) >= 0.92) {
                return 3;
            }
            return weakest >= 0.85 ? 4 : 5;
        }
    },

    BIRTH_DATE("birth_date", List.of("equal", "day_month_swapped", "within_month", "same_year", "age_consistent",
            "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.birthDay != Prepared.NONE && b.birthDay != Prepared.NONE) {
                if (a.birthDay == b.birthDay) {
                    return 0;
                }
                if (a.birthYear == b.birthYear && a.birthMonth == b.birthDayOfMonth && a.birthDayOfMonth == b.birthMonth) {
                    return 1;
                }
                if (Math.abs(a.birthDay - b.birthDay) <= 31) {
                    return 2;
                }
                return a.birthYear == b.birthYear ? 3 : 5;
            }
            if (a.birthDay != Prepared.NONE && b.age != Prepared.NONE && b.reportDay != Prepared.NONE) {
                return consistent(a, b);
            }
            if (b.birthDay != Prepared.NONE && a.age != Prepared.NONE && a.reportDay != Prepared.NONE) {
                return consistent(b, a);
            }
            if (a.age != Prepared.NONE && a.reportDay != Prepared.NONE && b.age != Prepared.NONE
                    && b.reportDay != Prepared.NONE) {
                // born between report day - (age+1) years and report day - age years: the two spans meet, give or take a year
                double bornA = a.reportDay / 365.2425 - a.age - 0.5;
                double bornB = b.reportDay / 365.2425 - b.age - 0.5;
                return Math.abs(bornA - bornB) <= 1.5 ? 4 : 5;
            }
            return MISSING;
        }

        private static int consistent(Prepared dated, Prepared aged) {
            if (aged.reportDay < dated.birthDay) {
                return 5;
            }
            return Math.abs(dated.ageAtReportOf(aged) - aged.age) <= 1 ? 4 : 5;
        }
    },

    SEX("sex", List.of("equal", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.sex == 0 || b.sex == 0) {
                return MISSING;
            }
            return a.sex == b.sex ? 0 : 1;
        }
    },

    ORIGIN("origin", List.of("village_equal", "district_equal", "regency_equal", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.regency == null || b.regency == null) {
                return MISSING;
            }
            if (a.village != null && a.village.equals(b.village)) {
                return 0;
            }
            if (a.district != null && a.district.equals(b.district)) {
                return 1;
            }
            return a.regency.equals(b.regency) ? 2 : 3;
        }
    },

    BIRTH_PLACE("birth_place", List.of("equal", "similar", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.birthPlace == null || b.birthPlace == null) {
                return MISSING;
            }
            if (a.birthPlace.equals(b.birthPlace)) {
                return 0;
            }
            return JaroWinkler.similarityAtLeast(a.birthPlace, a.birthPlaceLetters, b.birthPlace, b.birthPlaceLetters,
                    0.88) >= 0.88 ? 1 : 2;
        }
    },

    ADDRESS("address", List.of("jaccard_70", "jaccard_40", "different")) {
        @Override
        int level(Prepared a, Prepared b) {
            if (a.addressTokens.length == 0 || b.addressTokens.length == 0) {
                return MISSING;
            }
            int shared = 0;
            int i = 0;
            int j = 0;
            while (i < a.addressTokens.length && j < b.addressTokens.length) {
                int c = a.addressTokens[i].compareTo(b.addressTokens[j]);
                if (c == 0) {
                    shared++;
                    i++;
                    j++;
                } else if (c < 0) {
                    i++;
                } else {
                    j++;
                }
            }
            double jaccard = shared / (double) (a.addressTokens.length + b.addressTokens.length - shared);
            return jaccard >= 0.7 ? 0 : jaccard >= 0.4 ? 1 : 2;
        }
    };

    static final int MISSING = -1;

    static final Comparison[] ALL = values();

    final String id;
    final List<String> levels;

    Comparison(String id, List<String> levels) {
        this.id = id;
        this.levels = levels;
    }

    /** The level the pair falls in (an index into {@link #levels}), or {@link #MISSING}. */
    abstract int level(Prepared a, Prepared b);

    /** Whether a level of this comparison can be adjusted for how common the agreeing value is (name agreement). */
    boolean termFrequencyAdjusted(int level) {
        return this == NAME && level >= 0 && level <= 2;
    }
}
