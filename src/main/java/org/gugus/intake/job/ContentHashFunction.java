package org.gugus.intake.job;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.gugus.system.Sha256;
import org.gugus.warehouse.OfficeContentHashes;

/**
 * How a judged row's content hash is made of its JSON text ({@link CaseRowText}), 64 characters either
 * way. The content hash only tells a record "updated" from "unchanged" against a row of the same
 * identity, so it needs no resistance to a forger: {@link #MURMUR3} is MurmurHash3 (x64, 128 bits)
 * under two seeds, marked by a leading {@code m} that no SHA-256 in hex begins with. Every record
 * stored before it carries {@link #SHA_256}, and a publish compares a row's hash with its record's as
 * they are: so an office keeps the function its records carry ({@link #ofOffice}), and a stored hash
 * never makes an unchanged row "updated" nor a changed one "unchanged". An office without records
 * (every first delivery) takes MurmurHash3, where SHA-256, plain Java on the quick compiler a command
 * runs on, was a quarter of a judge's CPU.
 */
public enum ContentHashFunction {

    /** SHA-256 in lower-case hex: the content hash of every record stored before MurmurHash3. */
    SHA_256 {
        @Override
        String hash(byte[] text, int length) {
            MessageDigest digest = DIGEST.get();
            digest.reset();
            digest.update(text, 0, length);
            return HEX.formatHex(digest.digest());
        }
    },

    /** {@code m} and 63 hex digits of two MurmurHash3 x64 128-bit hashes under two seeds, big-endian. */
    MURMUR3 {
        @Override
        String hash(byte[] text, int length) {
            long[] hashes = new long[4];
            TwoSeedMurmur3.hash(text, 0, length, FIRST_SEED, SECOND_SEED, hashes);
            StringBuilder hash = new StringBuilder(64).append(MARK);
            hash.append(HEX.toHexDigits(hashes[0]).substring(1));
            hash.append(HEX.toHexDigits(hashes[1]));
            hash.append(HEX.toHexDigits(hashes[2]));
            return hash.append(HEX.toHexDigits(hashes[3])).toString();
        }
    };

    private static final char MARK = 'm';
    private static final int FIRST_SEED = 0x636f6e74;
    private static final int SECOND_SEED = 0x656e7432;
    private static final HexFormat HEX = HexFormat.of();
    /** Judges run on several threads; a digest is not thread-safe, and costly to look up per row. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::fresh);

    /** The content hash of a row's JSON text, its first {@code length} bytes. */
    abstract String hash(byte[] text, int length);

    /** The function a stored content hash was made by; an absent one (no record) takes MurmurHash3. */
    static ContentHashFunction ofStored(Optional<String> storedHash) {
        return storedHash.filter(hash -> hash.charAt(0) != MARK).isPresent() ? SHA_256 : MURMUR3;
    }

    /** The function the office's records carry: the one its rows are hashed by, staged or corrected. */
    public static ContentHashFunction ofOffice(OfficeContentHashes stored, String officeCode) {
        return ofStored(stored.any(officeCode));
    }
}
