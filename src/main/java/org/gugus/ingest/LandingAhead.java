package org.gugus.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.gugus.access.PrivateFiles;
import org.gugus.system.LeftBehindFiles;
import org.gugus.system.Sha256;

/**
 * The files a {@code gugus load} names, copied and hashed on a thread of their own while Gugus
 * starts, so that the landing ({@link LandingStore#land(Path)}) finds their bytes copied under a
 * temporary owner-only name in the landing area itself (received bytes are kept nowhere else) with
 * their SHA-256 instead of copying and hashing them on the main thread between
 * the start and the file's load. SHA-256 is plain Java on the quick compiler a command runs on:
 * about 0.2 s of CPU for a 100,000-row CSV (18 MB), and the start leaves the second core partly
 * idle. The copy is what was hashed, so the landing area keeps holding each file's bytes under their
 * own hash whatever happens to the original meanwhile. A copy that failed, or a file not named here,
 * is landed as before.
 */
final class LandingAhead {

    /** Bytes copied ahead, under a temporary owner-only name, with their SHA-256 and length. */
    record Copy(Path bytes, String sha256, long size) {
    }

    private static final ConcurrentMap<Path, CompletableFuture<Copy>> AHEAD = new ConcurrentHashMap<>();
    private static final String PREFIX = "ahead-";
    private static final String SUFFIX = ".part";
    static final Duration LEFT_BEHIND = Duration.ofHours(1);

    private LandingAhead() {
    }

    /**
     * Starts copying and hashing the regular files among {@code files} into the landing area {@code landing}, one
     * after the other, in that order.
     */
    static void start(List<Path> files, Path landing) {
        Map<Path, CompletableFuture<Copy>> started = new LinkedHashMap<>();
        for (Path file : files.stream().map(LandingAhead::key).filter(Files::isRegularFile).toList()) {
            CompletableFuture<Copy> copy = new CompletableFuture<>();
            if (AHEAD.putIfAbsent(file, copy) == null) {
                started.put(file, copy);
            }
        }
        if (started.isEmpty()) {
            return;
        }
        Thread copying = new Thread(() -> {
            started.forEach((file, copy) -> {
                try {
                    copy.complete(copy(file, landing));
                } catch (IOException | RuntimeException e) {
                    copy.completeExceptionally(e);
                }
            });
            dropLeftBehind(landing);
        }, "gugus-landing-ahead");
        copying.setDaemon(true);
        copying.start();
    }

    /**
     * The copy made ahead of {@code file}, waiting for it while it is under way; empty when none was
     * started or it failed. The caller owns the copy (moves or deletes it).
     */
    static Optional<Copy> take(Path file) {
        CompletableFuture<Copy> copy = AHEAD.remove(key(file));
        if (copy == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(copy.join());
        } catch (CompletionException e) {
            // the landing reads the file itself and reports what it meets there
            return Optional.empty();
        }
    }

    private static Copy copy(Path file, Path landing) throws IOException {
        PrivateFiles.folder(landing);
        Path bytes = PrivateFiles.file(Files.createTempFile(landing, PREFIX, SUFFIX));
        bytes.toFile().deleteOnExit();
        MessageDigest sha256 = Sha256.fresh();
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(bytes), sha256)) {
            long size = in.transferTo(out);
            out.close();
            return new Copy(bytes, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(bytes);
            throw e;
        }
    }

    /**
     * Drops the copies a killed command left in the landing area (an exit deletes its own): a copy
     * lives for seconds, so any older than {@link #LEFT_BEHIND} is no command's any more, and a
     * received file's bytes are kept nowhere but where the landing area's purge reaches them.
     */
    static void dropLeftBehind(Path landing) {
        LeftBehindFiles.delete(landing, PREFIX + "*" + SUFFIX, Instant.now().minus(LEFT_BEHIND));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
