package org.gugus.ingest;

import org.gugus.access.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.system.Messages;
import org.springframework.stereotype.Component;

/**
 * Where the originals of dropped files are kept: {@code archive/} once loaded (or already
 * received), {@code quarantine/} with a {@code .error.txt} note beside when they cannot be loaded,
 * each under its folder in the inbox and named {@code <name>-<file id>.<ext>}. It writes only inside
 * those two folders: a file that would land elsewhere is refused.
 */
@Component
class KeptOriginals {

    private static final Logger log = LoggerFactory.getLogger(KeptOriginals.class);

    private final Path archive;
    private final Path quarantine;

    KeptOriginals(IngestProperties properties) {
        this.archive = properties.archive();
        this.quarantine = properties.quarantine();
    }

    /**
     * Moves a dropped file into archive or quarantine by its outcome. A symbolic link is not moved
     * (its target may lie anywhere): the bytes Gugus read, its landing copy, are kept instead and
     * the link is removed from the inbox.
     *
     * @param dropped     the file in the inbox
     * @param inInbox     its path under the inbox, e.g. {@code 64.72/samarinda-2024-06.xlsx}
     * @param landingCopy the bytes Gugus read from it
     * @return where it is kept now
     */
    Path keep(Path dropped, Path inInbox, FileOutcome outcome, Path landingCopy) {
        Path root = outcome.status() == LoadStatus.QUARANTINED ? quarantine : archive;
        Path target = inside(root, inInbox.resolveSibling(numbered(inInbox.getFileName().toString(), outcome.fileId())));
        try {
            PrivateFiles.folder(root);
            PrivateFiles.folder(target.getParent());
            if (Files.isSymbolicLink(dropped)) {
                Files.copy(landingCopy, target, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(dropped);
            } else {
                // the same number is the same content: a re-delivery may replace its earlier copy
                Files.move(dropped, target, StandardCopyOption.REPLACE_EXISTING);
            }
            ownerOnly(target);
            if (root == quarantine) {
                writeNote(target, outcome);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep " + dropped + " as " + target, e);
        }
    }

    /**
     * Moves an archived original into quarantine, with its note, when its load gave up after being
     * archived; nothing when the original is not in the archive (a file from SFTP or the command
     * line has only its landing copy).
     */
    Optional<Path> quarantine(Path keptAt, FileOutcome outcome) {
        if (!keptAt.normalize().startsWith(archive) || !Files.isRegularFile(keptAt)) {
            return Optional.empty();
        }
        Path target = inside(quarantine, archive.relativize(keptAt.normalize()));
        try {
            PrivateFiles.folder(quarantine);
            PrivateFiles.folder(target.getParent());
            Files.move(keptAt, target, StandardCopyOption.REPLACE_EXISTING);
            writeNote(target, outcome);
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + keptAt + " into quarantine", e);
        }
    }

    private static void writeNote(Path kept, FileOutcome outcome) throws IOException {
        String name = kept.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path note = kept.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".error.txt");
        PrivateFiles.write(note, note(outcome));
    }

    /** Kept originals are owner-only; a file dropped by another OS user may keep its mode, its folder still shuts others out. */
    private static void ownerOnly(Path kept) {
        try {
            PrivateFiles.file(kept);
        } catch (UncheckedIOException e) {
            log.warn("Cannot make {} owner-only: {}", kept.getFileName(), e.getCause().getMessage());
        }
    }

    /** The note kept beside a quarantined file: what is wrong and what to do, Indonesian first. */
    static String note(FileOutcome outcome) {
        var error = outcome.error();
        return Messages.text(Messages.INDONESIAN, "ingest.note", outcome.file(), outcome.fileId(), error.code(),
                error.messageId())
                + "\n" + Messages.text(Locale.ENGLISH, "ingest.note", outcome.file(), outcome.fileId(), error.code(),
                error.messageEn());
    }

    /** {@code samarinda-2024-06.xlsx} of file 12 is kept as {@code samarinda-2024-06-12.xlsx}. */
    static String numbered(String name, long fileId) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + fileId + name.substring(dot) : name + "-" + fileId;
    }

    private static Path inside(Path root, Path relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("Refusing to write " + target + " outside " + root);
        }
        return target;
    }
}
