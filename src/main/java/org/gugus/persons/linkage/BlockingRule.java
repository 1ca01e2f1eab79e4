package org.gugus.persons.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The blocking rules: each gives a record some keys, and two records sharing a key are a candidate
 * pair. Keys are strings that carry personal data; only their 64-bit hash ({@link Linkage#keyHash})
 * needs to be kept.
 */
enum BlockingRule {

    /** The same valid NIK. */
    NIK("nik") {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.nik != null) {
                keys.accept("nik:" + record.nik);
            }
        }
    },

    /** The same region and birth parts of a valid NIK (its first 12 digits): a typo in the sequence number. */
    NIK_REGION_BIRTH("nik-region-birth") {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.nik != null) {
                keys.accept("nrb:" + Nik.regionBirth(record.nik));
            }
        }
    },

    /**
     * The phonetic key of one name token and a birth year: the birth date's year, or both years the
     * written age allows at the report date.
     */
    NAME_BIRTH_YEAR("name-birth-year") {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            for (int year : record.birthYears()) {
                for (String token : record.phonetic) {
                    keys.accept("nby:" + token + ":" + year);
                }
            }
        }
    },

    /** The same normalised name, its tokens in any order: records that give no birth date nor age. */
    NAME("name") {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.sortedTokens.length > 1) {
                keys.accept("name:" + String.join(" ", record.sortedTokens));
            }
        }
    },

    /** The same birth date and sex: a name spelt beyond recognition. */
    BIRTH_DATE_SEX("birth-date-sex") {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.birthDay != Prepared.NONE && record.sex != 0) {
                keys.accept("bds:" + record.birthDay + ":" + record.sex);
            }
        }
    };

    final String id;

    BlockingRule(String id) {
        this.id = id;
    }

    abstract void keys(Prepared record, Consumer<String> keys);

    static BlockingRule of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("blocking-rules: unknown rule '" + id + "'"));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(r -> r.id).toList();
    }
}
