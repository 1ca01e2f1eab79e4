package org.gugus.persons.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The blocking rules: each gives a record some keys, and two records sharing a key are a candidate
 * pair. Keys are strings that carry personal data; only their 64-bit hash ({@link Linkage#keyHash})
 * needs to be kept. The weak rules (a name token and a birth year; a birth date and sex) say little
 * on their own: their blocks are capped by {@link LinkageSettings#maxWeakBlockSize()}, the others'
 * by {@link LinkageSettings#maxBlockSize()}.
 */
enum BlockingRule {

    /** The same valid NIK. */
    NIK("nik", false) {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.nik != null) {
                keys.accept("nik:" + record.nik);
            }
        }

        @Override
        void hashes(Prepared record, long salted, LongConsumer hashes) {
            if (record.nik != null) {
                hashes.accept(Linkage.keyHashEnd(Linkage.keyHashNext(Linkage.keyHashNext(salted, "nik:"), record.nik)));
            }
        }
    },

    /** The same region and birth parts of a valid NIK (its first 12 digits): a typo in the sequence number. */
    NIK_REGION_BIRTH("nik-region-birth", false) {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.nik != null) {
                keys.accept("nrb:" + Nik.regionBirth(record.nik));
            }
        }

        @Override
        void hashes(Prepared record, long salted, LongConsumer hashes) {
            if (record.nik != null) {
                hashes.accept(Linkage.keyHashEnd(Linkage.keyHashNext(Linkage.keyHashNext(salted, "nrb:"),
                        Nik.regionBirth(record.nik))));
            }
        }
    },

    /**
     * The phonetic key of one name token and a birth year: the birth date's year, or both years the
     * written age allows at the report date.
     */
    NAME_BIRTH_YEAR("name-birth-year", true) {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            for (int year : record.birthYears()) {
                for (String token : record.phonetic) {
                    keys.accept("nby:" + token + ":" + year);
                }
            }
        }

        @Override
        void hashes(Prepared record, long salted, LongConsumer hashes) {
            long rule = Linkage.keyHashNext(salted, "nby:");
            for (int year : record.birthYears()) {
                String written = Integer.toString(year);
                for (String token : record.phonetic) {
                    long hash = Linkage.keyHashNext(Linkage.keyHashNext(rule, token), ':');
                    hashes.accept(Linkage.keyHashEnd(Linkage.keyHashNext(hash, written)));
                }
            }
        }
    },

    /** The same normalised name, its tokens in any order: records that give no birth date nor age. */
    NAME("name", false) {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.sortedTokens.length > 1) {
                keys.accept("name:" + String.join(" ", record.sortedTokens));
            }
        }

        @Override
        void hashes(Prepared record, long salted, LongConsumer hashes) {
            if (record.sortedTokens.length > 1) {
                long hash = Linkage.keyHashNext(Linkage.keyHashNext(salted, "name:"), record.sortedTokens[0]);
                for (int i = 1; i < record.sortedTokens.length; i++) {
                    hash = Linkage.keyHashNext(Linkage.keyHashNext(hash, ' '), record.sortedTokens[i]);
                }
                hashes.accept(Linkage.keyHashEnd(hash));
            }
        }
    },

    /** The same birth date and sex: a name spelt beyond recognition. */
    BIRTH_DATE_SEX("birth-date-sex", true) {
        @Override
        void keys(Prepared record, Consumer<String> keys) {
            if (record.birthDay != Prepared.NONE && record.sex != 0) {
                keys.accept("bds:" + record.birthDay + ":" + record.sex);
            }
        }

        @Override
        void hashes(Prepared record, long salted, LongConsumer hashes) {
            if (record.birthDay != Prepared.NONE && record.sex != 0) {
                long hash = Linkage.keyHashNext(Linkage.keyHashNext(salted, "bds:"), Integer.toString(record.birthDay));
                hash = Linkage.keyHashNext(Linkage.keyHashNext(hash, ':'), Integer.toString(record.sex));
                hashes.accept(Linkage.keyHashEnd(hash));
            }
        }
    };

    final String id;
    /** Whether a key of this rule says little on its own (its blocks capped by the weak cap). */
    final boolean weak;

    BlockingRule(String id, boolean weak) {
        this.id = id;
        this.weak = weak;
    }

    /** The most records a key of this rule may be held by and still make pairs, under the settings. */
    int maxBlockSize(LinkageSettings settings) {
        return weak ? settings.maxWeakBlockSize() : settings.maxBlockSize();
    }

    abstract void keys(Prepared record, Consumer<String> keys);

    /**
     * The hash of each of {@link #keys}, in their order, as {@link Linkage#keyHash} gives it of a salt followed by
     * the key, {@code salted} the hash's state after that salt ({@link Linkage#keyHashStart}): neither the key nor
     * its bytes built (a first load's 800,000 keys).
     */
    abstract void hashes(Prepared record, long salted, LongConsumer hashes);

    static BlockingRule of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("blocking-rules: unknown rule '" + id + "'"));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(r -> r.id).toList();
    }
}
