package org.gugus.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.gugus.access.PrivateFiles;
import org.gugus.system.Sha256;
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
                MessageDigest sha256 = Sha256.fresh();
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    size = content.transferTo(out);
                }
                return keep(partial, HexFormat.of().formatHex(sha256.digest()), size);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the received file in " + root, e);
        }
    }

    public LandedFile land(Path file) {
        Optional<LandedFile> ahead = LandingAhead.take(file).flatMap(this::keepAhead);
        if (ahead.isPresent()) {
            return ahead.get();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return land(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Bytes copied and hashed ahead ({@link LandingAhead}) into this landing area, kept under their hash; empty for a
     * copy made elsewhere (another landing area than this one's): dropped, the file is landed from itself.
     */
    private Optional<LandedFile> keepAhead(LandingAhead.Copy copy) {
        try {
            try {
                return root.equals(copy.bytes().toAbsolutePath().normalize().getParent())
                        ? Optional.of(keep(copy.bytes(), copy.sha256(), copy.size()))
                        : Optional.empty();
            } finally {
                Files.deleteIfExists(copy.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the received file in " + root, e);
        }
    }

    /** Complete bytes in this landing area moved under their hash, or dropped when the same bytes are there already. */
    private LandedFile keep(Path bytes, String hash, long size) throws IOException {
        Path target = root.resolve(hash.substring(0, 2)).resolve(hash);
        PrivateFiles.folder(target.getParent());
        if (Files.exists(target)) {
            Files.delete(bytes);
        } else {
            Files.move(bytes, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return new LandedFile(target, hash, size);
    }
}
