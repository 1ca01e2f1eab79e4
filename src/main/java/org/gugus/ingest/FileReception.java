package org.gugus.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;
import org.gugus.intake.FileError;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.IntakeRequest;
import org.gugus.intake.IntakeService;
import org.gugus.intake.LoadStatus;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Receives a file from any source: keeps its bytes in the landing area, registers it, and loads it
 * unless its content was received before. The drop folder, the SFTP routes and the command line
 * all come through here. A load that fails internally is tried again at the next start, up to
 * {@code gugus.ingest.max-load-attempts} times; then the file is quarantined as F_INTERNAL.
 */
@Component
public class FileReception {

    private static final Logger log = LoggerFactory.getLogger(FileReception.class);
    static final String INTERNAL = "F_INTERNAL";

    private final LandingStore landing;
    private final FileRegistry registry;
    private final IntakeService intake;
    private final KeptOriginals originals;
    private final long maxFileBytes;
    private final int maxLoadAttempts;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    FileReception(LandingStore landing, FileRegistry registry, IntakeService intake, KeptOriginals originals,
            IngestProperties properties, @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone,
            ApplicationEventPublisher events) {
        this.landing = landing;
        this.registry = registry;
        this.intake = intake;
        this.originals = originals;
        this.maxFileBytes = properties.maxFileBytes();
        this.maxLoadAttempts = properties.maxLoadAttempts();
        this.zone = zone;
        this.events = events;
    }

    public FileOutcome receive(Path file, String officeCode, String originalName, FileSource source) {
        return receive(landing.land(file), officeCode, originalName, source);
    }

    /**
     * As {@link #receive(Path, String, String, FileSource)}, telling {@code onRegistered} the file's number
     * as soon as it is registered, before its load, so that its progress can be followed (the Unggah page).
     */
    public FileOutcome receive(Path file, String officeCode, String originalName, FileSource source,
            LongConsumer onRegistered) {
        return receive(landing.land(file), officeCode, originalName, source, onRegistered);
    }

    /**
     * A file whose bytes are already complete in the landing area, e.g. streamed there from an SFTP
     * server: registered and loaded like any other. When its content came before and that file's
     * load is unfinished, the load is resumed and its outcome reported.
     */
    public FileOutcome receive(LandedFile landed, String officeCode, String originalName, FileSource source) {
        return receive(landed, officeCode, originalName, source, id -> { });
    }

    private FileOutcome receive(LandedFile landed, String officeCode, String originalName, FileSource source,
            LongConsumer onRegistered) {
        var office = RegencyOffices.byCode(officeCode);
        if (office.isEmpty()) {
            ReceivedFile registered = registry.registerQuarantined(null, originalName, landed, source);
            return finish(registered, FileOutcome.quarantined(originalName, registered.id(), null, landed.sha256(), null,
                    unknownOffice(officeCode)));
        }
        FileRegistry.Registration registration = registry.register(office.get().code(), originalName, landed, source);
        ReceivedFile file = registration.file();
        onRegistered.accept(registration.alreadyReceived() ? registration.original().id() : file.id());
        if (!registration.alreadyReceived()) {
            return load(file);
        }
        ReceivedFile original = registration.original();
        FileOutcome already = finish(file, FileOutcome.alreadyReceived(originalName, file.id(), file.officeCode(),
                file.sha256(), original.id()));
        if (gaveUp(original)) {
            // sent again after its attempts ran out: the cause may be fixed, so it gets as many again
            registry.resetAttempts(original.id());
        } else if (original.status() != FileStatus.RECEIVED && original.status() != FileStatus.FAILED) {
            return already;
        }
        log.info("{} (#{}) repeats unfinished file #{}; resuming its load", originalName, file.id(), original.id());
        return load(registry.find(original.id()));
    }

    /** Loads a registered file, or resumes its interrupted load; records the outcome in the registry. */
    public FileOutcome load(ReceivedFile file) {
        if (file.size() > maxFileBytes) {
            return finish(file, quarantined(file, new FileError("F_TOO_LARGE",
                    Messages.get("ingest.error.too-large", file.size(), maxFileBytes))));
        }
        int attempt = registry.startAttempt(file.id());
        FileOutcome outcome;
        try {
            outcome = intake.load(new IntakeRequest(file.id(), file.landingPath(), file.sha256(), file.originalName(),
                    file.officeCode(), file.receivedAt().atZoneSameInstant(zone).toLocalDate()));
        } catch (RuntimeException e) {
            // unexpected by definition: the one place its stack trace is logged
            log.error("Load of {} (#{}) from {} failed internally (attempt {} of {})", file.originalName(), file.id(),
                    file.officeCode(), attempt, maxLoadAttempts, e);
            outcome = attempt < maxLoadAttempts
                    ? FileOutcome.failed(file.originalName(), file.id(), file.officeCode(), file.sha256(),
                            new FileError(INTERNAL, Messages.get("ingest.error.internal", attempt, maxLoadAttempts, file.id())))
                    : quarantined(file, new FileError(INTERNAL, Messages.get("ingest.error.internal.gave-up", attempt,
                            file.id())));
        }
        FileOutcome finished = finish(file, outcome);
        if (gaveUp(finished)) {
            originals.quarantine(file.keptAt(), finished).ifPresent(kept -> registry.keptAt(file.id(), kept));
        }
        return finished;
    }

    /** Resumes every load that a crash or failure interrupted. */
    public List<FileOutcome> resumeUnfinished() {
        return registry.unfinished().stream().map(this::load).toList();
    }

    private FileOutcome finish(ReceivedFile file, FileOutcome outcome) {
        registry.finish(file.id(), outcome);
        events.publishEvent(new FileFinished(file.id(), outcome));
        logOutcome(outcome);
        return outcome;
    }

    /** One line per outcome: file, number, office, status, then its counts or its error code. */
    private static void logOutcome(FileOutcome o) {
        switch (o.status()) {
            case LOADED -> log.info("{} (#{}) from {}: LOADED {}, rows read {}, inserted {}, updated {}, unchanged {},"
                            + " duplicates {}, rejected {}, skipped {}, warnings {}", o.file(), o.fileId(), o.regency(),
                    o.format(), o.rowsRead(), o.inserted(), o.updated(), o.unchanged(), o.duplicates(), o.rejected(),
                    o.skipped(), o.warnings());
            case ALREADY_RECEIVED -> log.info("{} (#{}) from {}: ALREADY_RECEIVED as #{}", o.file(), o.fileId(),
                    o.regency(), o.alreadyReceivedAs());
            case QUARANTINED, FAILED -> log.warn("{} (#{}) from {}: {} {}", o.file(), o.fileId(), o.regency(),
                    o.status(), o.error().code());
        }
    }

    private static FileOutcome quarantined(ReceivedFile file, FileError error) {
        return FileOutcome.quarantined(file.originalName(), file.id(), file.officeCode(), file.sha256(), null, error);
    }

    /** Quarantined because its loads kept failing internally, not because of its content. */
    private static boolean gaveUp(FileOutcome outcome) {
        return outcome.status() == LoadStatus.QUARANTINED && INTERNAL.equals(outcome.error().code());
    }

    private static boolean gaveUp(ReceivedFile file) {
        return file.status() == FileStatus.QUARANTINED && file.outcome() != null && gaveUp(file.outcome());
    }

    private static FileError unknownOffice(String folder) {
        String shown = folder == null || folder.isBlank()
                ? Messages.get("ingest.error.unknown-office.inbox").id() : folder;
        return new FileError("F_UNKNOWN_OFFICE", Messages.get("ingest.error.unknown-office", shown));
    }
}
