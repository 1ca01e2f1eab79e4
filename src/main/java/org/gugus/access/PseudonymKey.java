package org.gugus.access;

import java.util.Optional;
import org.gugus.system.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.gugus.system.Messages;
import org.gugus.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that turns identities into pseudonyms: HMAC-SHA-256, so a key cannot be recomputed
 * from a guessed NIK without the secret (a plain SHA-256 of {@code NIK:<16 digits>} can, by trying
 * every NIK). The secret is never in the database: it is read from {@code gugus.access.pseudonym-key}
 * (base64, e.g. the environment variable {@code GUGUS_ACCESS_PSEUDONYM_KEY} or a secret file mounted
 * into it), else from {@code $GUGUS_HOME/keys/pseudonym.key}, which is generated (owner-only) on
 * first start. The database keeps only its fingerprint.
 */
@Component
public class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final boolean fromFile;
    private volatile Secret secret;
    private final Message unavailable;

    @Autowired
    PseudonymKey(@Value("${gugus.access.pseudonym-key:}") String configured,
            @Value("${gugus.access.pseudonym-key-file:${gugus.home}/keys/pseudonym.key}") Path file) {
        this.file = file;
        this.fromFile = configured == null || configured.isBlank();
        Secret read = null;
        Message problem = null;
        try {
            read = new Secret(fromFile ? readOrCreate(file) : decode(configured.strip()));
        } catch (UncheckedIOException e) {
            // Gugus still starts, not ready, and says what to fix; nothing is keyed meanwhile
            problem = Messages.get("access.keys.unavailable", file.toAbsolutePath());
        }
        this.secret = read;
        this.unavailable = problem;
    }

    private PseudonymKey(byte[] key) {
        this.file = null;
        this.fromFile = false;
        this.secret = new Secret(key);
        this.unavailable = null;
    }

    /** A key held in memory only, for a rotation's new key and for tests. */
    static PseudonymKey of(byte[] key) {
        return new PseudonymKey(key);
    }

    /** The pseudonym of a text: 64 hex digits, the same for the same text and key, and nothing else. */
    public String pseudonym(String text) {
        if (secret == null) {
            throw new IllegalStateException(unavailable.both());
        }
        return HexFormat.of().formatHex(secret.mac(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Names the key without revealing it: the pseudonym of a fixed text. */
    public String fingerprint() {
        return pseudonym("gugus-pseudonym-key-fingerprint").substring(0, 32);
    }

    /** What keeps the key from being read or created (its file cannot be written); empty when it is there. */
    Optional<Message> problem() {
        return secret == null ? Optional.of(unavailable) : Optional.empty();
    }

    /** Whether the key comes from the key file (and so can be rotated by Gugus). */
    boolean rotatable() {
        return fromFile;
    }

    /** A fresh random key. */
    static PseudonymKey generate() {
        return of(random());
    }

    /** Puts a new key in place of this one: in the key file first, then in memory. */
    void replaceWith(PseudonymKey next) {
        if (!fromFile) {
            throw new IllegalStateException(Messages.get("access.keys.not-rotatable").both());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        PrivateFiles.write(partial, Base64.getEncoder().encodeToString(next.secret.key) + "\n");
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + file, e);
        }
        this.secret = next.secret;
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                PrivateFiles.file(file);
                return decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            byte[] key = random();
            PrivateFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n");
            log.info(Messages.get("access.keys.created", file).both());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pseudonym key " + file, e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Messages.get("access.keys.invalid").both(), e);
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException(Messages.get("access.keys.invalid").both());
        }
        return key;
    }

    private static byte[] random() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * The key bytes, and SHA-256 as it stands after the key's inner and outer pad (RFC 2104), made once:
     * each pseudonym goes on from copies of the two, which gives the bytes {@code Mac("HmacSHA256")}
     * gives, with two of the four SHA-256 blocks of a short text's MAC spared. Every row of a load
     * takes two pseudonyms, and SHA-256 is a third of a row's judging on the quick compiler.
     */
    private static final class Secret {

        private static final int BLOCK_BYTES = 64;

        private final byte[] key;
        private final MessageDigest inner;
        private final MessageDigest outer;

        Secret(byte[] key) {
            this.key = key.clone();
            byte[] block = new byte[BLOCK_BYTES];
            byte[] shortKey = key.length > BLOCK_BYTES ? Sha256.fresh().digest(key) : key;
            byte[] innerPad = new byte[BLOCK_BYTES];
            byte[] outerPad = new byte[BLOCK_BYTES];
            System.arraycopy(shortKey, 0, block, 0, shortKey.length);
            for (int i = 0; i < BLOCK_BYTES; i++) {
                innerPad[i] = (byte) (block[i] ^ 0x36);
                outerPad[i] = (byte) (block[i] ^ 0x5c);
            }
            this.inner = Sha256.fresh();
            this.inner.update(innerPad);
            this.outer = Sha256.fresh();
            this.outer.update(outerPad);
        }

        /** HMAC-SHA-256 of the text; safe on any thread (the two digests made once are only ever copied). */
        byte[] mac(byte[] text) {
            MessageDigest innerHash = Sha256.copyOf(inner);
            innerHash.update(text);
            MessageDigest outerHash = Sha256.copyOf(outer);
            outerHash.update(innerHash.digest());
            return outerHash.digest();
        }
    }
}
