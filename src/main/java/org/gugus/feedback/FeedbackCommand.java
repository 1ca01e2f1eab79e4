package org.gugus.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.access.PrivateFiles;
import org.gugus.ingest.ReceivedFile;
import org.gugus.system.GugusCommand;
import org.gugus.system.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gugus feedback FILE_ID [--out FILE]}: makes a file's answer workbook ("Hasil
 * Pemeriksaan") again, into {@code --out} (owner-only, as it holds names and NIKs) or, without it,
 * into the office's outbox. The read is audited. Exit status 0, 1 for a file not registered or
 * without an answer (not loaded or quarantined).
 */
@Command(name = "feedback", mixinStandardHelpOptions = true)
class FeedbackCommand implements GugusCommand {

    @Parameters(paramLabel = "FILE_ID", descriptionKey = "feedback.id")
    private String id;

    @Option(names = "--out", paramLabel = "FILE")
    private Path out;

    private final Feedback feedback;
    private final Audit audit;

    FeedbackCommand(Feedback feedback, Audit audit) {
        this.feedback = feedback;
        this.audit = audit;
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) {
        long fileId;
        try {
            fileId = Long.parseLong(id.replace("#", "").strip());
        } catch (NumberFormatException e) {
            err.println(Messages.get("feedback.not-a-number", id).both());
            return 1;
        }
        try {
            long start = System.nanoTime();
            Path written;
            if (out == null) {
                feedback.answerable(fileId);
                written = feedback.deliver(fileId);
            } else {
                ReceivedFile file = feedback.answerable(fileId);
                written = write(file, out);
            }
            audit.read("gugus feedback " + fileId, List.of(fileId));
            stdout.println(written.toAbsolutePath());
            String seconds = String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
            err.println(Messages.get("feedback.written", fileId, written.toAbsolutePath(), seconds).both());
            return 0;
        } catch (NoSuchElementException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private Path write(ReceivedFile file, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, "." + file.id() + "-", ".part");
            try {
                PrivateFiles.file(partial);
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    feedback.write(file, stream);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalArgumentException(Messages.get("feedback.cannot-write", target, e.getMessage()).both(), e);
        }
    }
}
