package org.gugus.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.gugus.access.PrivateFiles;
import org.springframework.stereotype.Component;

/**
 * The landing area: every received file's bytes, stored once under their SHA-256
 * ({@code landing/ab/abcdef...}), so any file can be re-run and audited. Bytes are streamed, never
 * held whole in memory, and appear under their name only when complete. Only Gugus's OS user can
 * read them: folders 0700, files 0600.
 */
@Component
public class LandingStore {

    private final Path root;

    LandingStore(IngestProperties properties) {
        this.root = properties.landing();
    }

    public LandedFile land(InputStream content) {
        try {
            PrivateFiles.folder(root);
            Path partial = PrivateFiles.file(Files.createTempFile(root, "receiving-", ".part"));
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    size = content.transferTo(out);
                }
                String hash = HexFormat.of().formatHex(sha256.digest());
                Path target = root.resolve(hash.substring(0, 2)).resolve(hash);
                PrivateFiles.folder(target.getParent());
                if (Files.exists(target)) {
                    Files.delete(partial);
                } else {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return new LandedFile(target, hash, size);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the received file in " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public LandedFile land(Path file) {
        Optional<LandingAhead.Copy> ahead = LandingAhead.take(file);
        if (ahead.isPresent()) {
            return land(ahead.get());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return land(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Bytes copied and hashed ahead ({@link LandingAhead}): moved under their hash, or dropped when already there. */
    private LandedFile land(LandingAhead.Copy copy) {
        try {
            PrivateFiles.folder(root);
            Path target = root.resolve(copy.sha256().substring(0, 2)).resolve(copy.sha256());
            PrivateFiles.folder(target.getParent());
            try {
                if (!Files.exists(target)) {
                    moveInto(copy.bytes(), target);
                }
            } finally {
                Files.deleteIfExists(copy.bytes());
            }
            return new LandedFile(target, copy.sha256(), copy.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the received file in " + root, e);
        }
    }

    /** Moves the bytes under {@code target} whole, through a partial file of the landing area when on another disk. */
    private void moveInto(Path bytes, Path target) throws IOException {
        try {
            Files.move(bytes, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path partial = PrivateFiles.file(Files.createTempFile(root, "receiving-", ".part"));
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    Files.copy(bytes, out);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
