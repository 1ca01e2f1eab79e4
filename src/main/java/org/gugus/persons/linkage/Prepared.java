package org.gugus.persons.linkage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One victim record as the comparisons read it: everything normalised once. Prepared in a batch, the
 * tokens, phonetic keys, places and address tokens that records share are one string each (a
 * province's names draw on a few thousand tokens).
 */
final class Prepared {

    static final int NONE = Integer.MIN_VALUE;

    final long id;
    final String nik;
    /** {@link #nik} as {@link Nik#packed}: 0 without a valid one. */
    final long nikDigits;
    final String[] tokens;
    final String[] sortedTokens;
    /** The letters of each of {@link #sortedTokens}, as {@link JaroWinkler#letters} masks. */
    final int[] sortedTokenLetters;
    final String[] phonetic;
    final String name;
    /** The name without spaces (NURHAYATI and NUR HAYATI). */
    final String compact;
    /** The letters of {@link #compact}, as a {@link JaroWinkler#letters} mask. */
    final int compactLetters;
    /** The numbers written in the name ("SITI 2"), or null; a name with other numbers is another name. */
    final String nameNumber;
    final int birthDay;
    final int birthYear;
    final int birthMonth;
    final int birthDayOfMonth;
    final int age;
    final int reportDay;
    /** The report date as year * 10000 + month * 100 + day, for ages. */
    final int reportYmd;
    final int birthYmd;
    final int sex;
    final String regency;
    final String district;
    final String village;
    final String birthPlace;
    /** The letters of {@link #birthPlace}, as a {@link JaroWinkler#letters} mask (0 without one). */
    final int birthPlaceLetters;
    final String[] addressTokens;
    /**
     * The chance that a random record carries all of this record's name tokens under the tables of
     * one model, once a scorer worked it out (see {@link Scorer#termFrequencyAdjustment}).
     */
    TokenChance tokenChance;

    /** The chance of a record's name tokens under one model's tables (immutable: safe to share between threads). */
    record TokenChance(LinkageModel.Tables tables, double chance) {
    }

    Prepared(VictimReport report) {
        this(report, UnaryOperator.identity(), IndonesianNames::token, IndonesianNames::phonetic);
    }

    /** A record prepared with the strings, name tokens and phonetic keys it shares with others taken from {@code shared}. */
    Prepared(VictimReport report, SharedStrings shared) {
        this(report, shared, shared.tokenOf, shared.phoneticKeyOf);
    }

    /** A record prepared; each name part made a token by {@code tokenOf}, each token keyed by {@code phoneticKey}. */
    private Prepared(VictimReport report, UnaryOperator<String> shared, UnaryOperator<String> tokenOf,
            UnaryOperator<String> phoneticKey) {
        this.id = report.victimId();
        this.nik = Nik.valid(report.nik());
        this.nikDigits = Nik.packed(nik);
        // loops over arrays, not streams: a first load prepares 100,000 records, and each stream's pipeline objects
        // were a tenth of what its run allocated
        // the tokens and their keys as made: the kept ones when records share them (SharedStrings)
        String[] names = IndonesianNames.tokens(report.name(), tokenOf).toArray(new String[0]);
        this.tokens = names;
        this.sortedTokens = distinctSorted(names.clone());
        int[] letters = new int[sortedTokens.length];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = JaroWinkler.letters(sortedTokens[i]);
        }
        this.sortedTokenLetters = letters;
        // each token's phonetic key, the first of equal ones kept, in the tokens' order
        String[] keys = new String[names.length];
        int distinctKeys = 0;
        for (String token : names) {
            String key = phoneticKey.apply(token);
            boolean known = false;
            for (int i = 0; i < distinctKeys && !known; i++) {
                known = keys[i].equals(key);
            }
            if (!known) {
                keys[distinctKeys++] = key;
            }
        }
        this.phonetic = distinctKeys == keys.length ? keys : Arrays.copyOf(keys, distinctKeys);
        this.name = names.length == 1 ? names[0] : String.join(" ", names);
        this.compact = names.length == 1 ? names[0] : String.join("", names);
        this.compactLetters = JaroWinkler.letters(compact);
        this.nameNumber = names.length == 0 ? null : IndonesianNames.number(report.name());
        LocalDate birth = report.birthDate() != null ? report.birthDate() : Nik.birthDate(nik, report.reportDate());
        this.birthDay = birth == null ? NONE : (int) birth.toEpochDay();
        this.birthYear = birth == null ? NONE : birth.getYear();
        this.birthMonth = birth == null ? NONE : birth.getMonthValue();
        this.birthDayOfMonth = birth == null ? NONE : birth.getDayOfMonth();
        this.age = report.age() == null || report.age() < 0 ? NONE : report.age();
        this.reportDay = report.reportDate() == null ? NONE : (int) report.reportDate().toEpochDay();
        this.reportYmd = report.reportDate() == null ? NONE : ymd(report.reportDate());
        this.birthYmd = birth == null ? NONE : ymd(birth);
        this.sex = sexOf(report.sex());
        this.regency = shared(code(report.originRegencyCode()), shared);
        this.district = shared(code(report.originDistrictCode()), shared);
        this.village = shared(code(report.originVillageCode()), shared);
        this.birthPlace = shared(place(report.birthPlace()), shared);
        this.birthPlaceLetters = birthPlace == null ? 0 : JaroWinkler.letters(birthPlace);
        String[] address = address(report.address());
        for (int i = 0; i < address.length; i++) {
            address[i] = shared.apply(address[i]);
        }
        this.addressTokens = address;
    }

    /**
     * The same record under another id: every normalised form shared with {@code other} (they are never changed
     * once made), its token chance worked out again by whichever scorer reads it. A record prepared before its id
     * was known ({@link Linkage.Ahead}).
     */
    Prepared(Prepared other, long id) {
        this.id = id;
        this.nik = other.nik;
        this.nikDigits = other.nikDigits;
        this.tokens = other.tokens;
        this.sortedTokens = other.sortedTokens;
        this.sortedTokenLetters = other.sortedTokenLetters;
        this.phonetic = other.phonetic;
        this.name = other.name;
        this.compact = other.compact;
        this.compactLetters = other.compactLetters;
        this.nameNumber = other.nameNumber;
        this.birthDay = other.birthDay;
        this.birthYear = other.birthYear;
        this.birthMonth = other.birthMonth;
        this.birthDayOfMonth = other.birthDayOfMonth;
        this.age = other.age;
        this.reportDay = other.reportDay;
        this.reportYmd = other.reportYmd;
        this.birthYmd = other.birthYmd;
        this.sex = other.sex;
        this.regency = other.regency;
        this.district = other.district;
        this.village = other.village;
        this.birthPlace = other.birthPlace;
        this.birthPlaceLetters = other.birthPlaceLetters;
        this.addressTokens = other.addressTokens;
    }

    /** A record as {@link #write} wrote it, field for field. */
    private Prepared(ByteBuffer in, UnaryOperator<String> shared) {
        this.id = in.getLong();
        this.nik = text(in, shared);
        this.nikDigits = in.getLong();
        this.tokens = texts(in, shared);
        this.sortedTokens = texts(in, shared);
        this.sortedTokenLetters = new int[in.getInt()];
        for (int i = 0; i < sortedTokenLetters.length; i++) {
            sortedTokenLetters[i] = in.getInt();
        }
        this.phonetic = texts(in, shared);
        this.name = text(in, shared);
        this.compact = text(in, shared);
        this.compactLetters = in.getInt();
        this.nameNumber = text(in, shared);
        this.birthDay = in.getInt();
        this.birthYear = in.getInt();
        this.birthMonth = in.getInt();
        this.birthDayOfMonth = in.getInt();
        this.age = in.getInt();
        this.reportDay = in.getInt();
        this.reportYmd = in.getInt();
        this.birthYmd = in.getInt();
        this.sex = in.getInt();
        this.regency = text(in, shared);
        this.district = text(in, shared);
        this.village = text(in, shared);
        this.birthPlace = text(in, shared);
        this.birthPlaceLetters = in.getInt();
        this.addressTokens = texts(in, shared);
    }

    /**
     * The record's key hashes and their caps (their count, then each hash, then each cap), then its every field, as
     * {@link PreparedRecords} keeps a record, the fields read back by {@link #read} as an equal record (a bounded run
     * keeps its records so instead of reading and normalising them again for each group of blocks holding them).
     * Written into one buffer a thread, reused record after record, and copied out once (a fresh buffer grown, copied
     * and copied again behind the hashes made 1.5 KB of garbage a record, issue 13).
     */
    byte[] bytes(long[] hashes, int[] caps) {
        Bytes out = BUFFERS.get();
        out.count = 0;
        out.putInt(hashes.length);
        for (long hash : hashes) {
            out.putLong(hash);
        }
        for (int cap : caps) {
            out.putInt(cap);
        }
        out.putLong(id);
        out.text(nik);
        out.putLong(nikDigits);
        out.texts(tokens);
        out.texts(sortedTokens);
        out.putInt(sortedTokenLetters.length);
        for (int letters : sortedTokenLetters) {
            out.putInt(letters);
        }
        out.texts(phonetic);
        out.text(name);
        out.text(compact);
        out.putInt(compactLetters);
        out.text(nameNumber);
        out.putInt(birthDay);
        out.putInt(birthYear);
        out.putInt(birthMonth);
        out.putInt(birthDayOfMonth);
        out.putInt(age);
        out.putInt(reportDay);
        out.putInt(reportYmd);
        out.putInt(birthYmd);
        out.putInt(sex);
        out.text(regency);
        out.text(district);
        out.text(village);
        out.text(birthPlace);
        out.putInt(birthPlaceLetters);
        out.texts(addressTokens);
        return out.toByteArray();
    }

    /** A record from {@link #bytes}, the strings records share taken from {@code shared}. */
    static Prepared read(ByteBuffer in, UnaryOperator<String> shared) {
        return new Prepared(in, shared);
    }

    /** A text as a length (-1 for null), a flag for one byte a character (Latin-1) or two, and the characters. */
    private static String text(ByteBuffer in, UnaryOperator<String> shared) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (in.get() == 1) {
            // one byte a character: the string made from the buffer's bytes in one copy (a bounded run reads each
            // record again for every group of blocks holding it; char by char, then compressed back to bytes, this
            // was a tenth of its scoring)
            String text = in.hasArray() ? new String(in.array(), in.arrayOffset() + in.position(), length,
                    StandardCharsets.ISO_8859_1) : null;
            if (text == null) {
                byte[] bytes = new byte[length];
                in.get(bytes);
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            } else {
                in.position(in.position() + length);
            }
            return shared.apply(text);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = in.getChar();
        }
        return shared.apply(new String(chars));
    }

    private static String[] texts(ByteBuffer in, UnaryOperator<String> shared) {
        String[] texts = new String[in.getInt()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(in, shared);
        }
        return texts;
    }

    /** The bytes of {@link #bytes}, big-endian as a {@link ByteBuffer} reads them (not synchronised). */
    private static final ThreadLocal<Bytes> BUFFERS = ThreadLocal.withInitial(Bytes::new);

    private static final class Bytes {

        private byte[] bytes = new byte[256];
        private int count;

        void write(int value) {
            if (count == bytes.length) {
                bytes = Arrays.copyOf(bytes, count * 2);
            }
            bytes[count++] = (byte) value;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        void putLong(long value) {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        void putInt(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void text(String text) {
            if (text == null) {
                putInt(-1);
                return;
            }
            putInt(text.length());
            boolean latin1 = true;
            for (int i = 0; i < text.length() && latin1; i++) {
                latin1 = text.charAt(i) < 256;
            }
            write(latin1 ? 1 : 2);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!latin1) {
                    write(c >>> 8);
                }
                write(c);
            }
        }

        void texts(String[] texts) {
            putInt(texts.length);
            for (String text : texts) {
                text(text);
            }
        }
    }

    /** The texts sorted, each once (in place: {@code texts} is reordered). */
    private static String[] distinctSorted(String[] texts) {
        Arrays.sort(texts);
        int kept = 0;
        for (int i = 0; i < texts.length; i++) {
            if (kept == 0 || !texts[i].equals(texts[kept - 1])) {
                texts[kept++] = texts[i];
            }
        }
        return kept == texts.length ? texts : Arrays.copyOf(texts, kept);
    }

    private static String shared(String value, UnaryOperator<String> shared) {
        return value == null ? null : shared.apply(value);
    }

    boolean hasName() {
        return tokens.length > 0;
    }

    /** Birth years the record allows: its birth date's, else the two its age gives at the report date. */
    int[] birthYears() {
        if (birthYear != NONE) {
            return new int[] {birthYear};
        }
        if (age != NONE && reportDay != NONE) {
            int year = LocalDate.ofEpochDay(reportDay).getYear() - age;
            return new int[] {year, year - 1};
        }
        return new int[0];
    }

    /** The age the birth date gives on another record's report date, in whole years. */
    int ageAtReportOf(Prepared other) {
        return (other.reportYmd - birthYmd) / 10000;
    }

    private static int ymd(LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** 1 for L (male), 2 for P (female), 0 unknown. */
    static int sexOf(String sex) {
        if (sex == null) {
            return 0;
        }
        return switch (sex.trim().toUpperCase(Locale.ROOT)) {
            case "L", "M", "LAKI-LAKI" -> 1;
            case "P", "F", "PEREMPUAN" -> 2;
            default -> 0;
        };
    }

    private static String code(String code) {
        return code == null || code.isBlank() ? null : code.trim();
    }

    private static String place(String place) {
        if (place == null) {
            return null;
        }
        String joined = String.join(" ", IndonesianNames.runs(place.toUpperCase(Locale.ROOT), false).stream()
                .filter(t -> !PLACE_WORDS.contains(t)).map(IndonesianNames::spelling).toList());
        return joined.isEmpty() ? null : joined;
    }


    /** Whether every character is a digit ({@link Character#isDigit(int)}; an empty text too). */
    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit((int) text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> PLACE_WORDS = Set.of("KAB", "KABUPATEN", "KOTA", "KOTAMADYA",
            "KEC", "KECAMATAN", "DESA", "KEL", "KELURAHAN", "PROV", "PROVINSI");

    private static final Set<String> ADDRESS_WORDS = Set.of("JL", "JLN", "JALAN", "GG", "GANG",
            "NO", "NOMOR", "RT", "RW", "DESA", "DS", "KEL", "KELURAHAN", "KEC", "KECAMATAN", "KAB", "KABUPATEN", "KOTA",
            "DUSUN", "DSN", "BLOK", "KM", "PROV", "PROVINSI");

    private static String[] address(String address) {
        if (address == null) {
            return new String[0];
        }
        List<String> runs = IndonesianNames.runs(address.toUpperCase(Locale.ROOT), true);
        String[] tokens = new String[runs.size()];
        int kept = 0;
        for (String run : runs) {
            if (!ADDRESS_WORDS.contains(run)) {
                tokens[kept++] = digits(run) ? String.valueOf(Integer.parseInt(run.length() > 9 ? run.substring(0, 9) : run))
                        : IndonesianNames.spelling(run);
            }
        }
        return distinctSorted(kept == tokens.length ? tokens : Arrays.copyOf(tokens, kept));
    }
}
