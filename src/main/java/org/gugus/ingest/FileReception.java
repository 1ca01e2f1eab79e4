package org.gugus.ingest;

import org.gugus.access.PrivateFiles;
import org.gugus.reference.RegencyOffices;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.gugus.intake.FileError;
import org.gugus.intake.IntakeRequest;
import org.gugus.intake.IntakeService;
import org.gugus.intake.LoadReport;
import org.gugus.intake.LoadStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Receives a file from any source: keeps its bytes in the landing area, registers it, and loads it
 * unless its content was received before. The drop-folder route, the SFTP routes and the command
 * line all come through here.
 */
@Component("fileReception")
public class FileReception {

    private static final Logger log = LoggerFactory.getLogger(FileReception.class);

    private final LandingStore landing;
    private final FileRegistry registry;
    private final IntakeService intake;
    private final IngestProperties folders;
    private final long maxFileBytes;
    private final ZoneId zone;

    FileReception(LandingStore landing, FileRegistry registry, IntakeService intake, IngestProperties properties,
            @Value("${gugus.time-zone:Asia/Makassar}") ZoneId zone) {
        this.landing = landing;
        this.registry = registry;
        this.intake = intake;
        this.folders = properties;
        this.maxFileBytes = properties.maxFileBytes();
        this.zone = zone;
    }

    /**
     * A file dropped into the inbox; the first folder of its path under the inbox names the office.
     *
     * @param file         the dropped file
     * @param relativePath its path under the inbox, e.g. {@code 64.72/samarinda-2024-06.xlsx}
     */
    public Delivery receiveDropped(String file, String relativePath) {
        Path relative = Path.of(relativePath);
        String folder = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        Delivery delivery = receive(Path.of(file), folder, relative.getFileName().toString(), FileSource.DROP_FOLDER);
        Path keepIn = delivery.quarantined() ? folders.quarantine() : folders.archive();
        keepOwnerOnly(Path.of(file), relative.getParent() == null ? keepIn : keepIn.resolve(relative.getParent()));
        return delivery.keptIn(keepIn);
    }

    /**
     * The route moves the dropped file into the archive or quarantine, keeping its mode: it is made
     * owner-only before, in an owner-only folder, so no other local user can read the kept copy.
     */
    private static void keepOwnerOnly(Path dropped, Path folder) {
        PrivateFiles.folder(folder);
        try {
            PrivateFiles.file(dropped);
        } catch (UncheckedIOException e) {
            // a file dropped by another OS user keeps its mode; its folder still shuts others out
            log.warn("Cannot make {} owner-only: {}", dropped.getFileName(), e.getCause().getMessage());
        }
    }

    public Delivery receive(Path file, String officeCode, String originalName, FileSource source) {
        return receive(landing.land(file), officeCode, originalName, source);
    }

    /**
     * A file whose bytes are already complete in the landing area, e.g. streamed there from an SFTP
     * server: registered and loaded like any other.
     */
    public Delivery receive(LandedFile landed, String officeCode, String originalName, FileSource source) {
        var office = RegencyOffices.byCode(officeCode);
        if (office.isEmpty()) {
            LoadReport report = LoadReport.quarantined(null, unknownOffice(officeCode));
            ReceivedFile registered = registry.registerQuarantined(null, originalName, landed, source, report);
            log.warn("Quarantined {} (#{}): {}", originalName, registered.id(), report.error().messageEn());
            return new Delivery(registered, originalName, report);
        }
        FileRegistry.Registration registration = registry.register(office.get().code(), originalName, landed, source);
        if (registration.alreadyReceived()) {
            ReceivedFile original = registration.original();
            LoadReport already = new LoadReport(LoadStatus.ALREADY_RECEIVED, null, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
                    Map.of(), List.of(), null);
            registry.finish(registration.file().id(), already);
            if (isUnfinished(original)) {
                log.info("{} repeats unfinished file #{}; resuming its load", originalName, original.id());
                load(original);
            }
            log.info("{} (#{}) already received as #{}; not loaded again", originalName, registration.file().id(),
                    original.id());
            return new Delivery(registration.file(), originalName, already);
        }
        return load(registration.file());
    }

    /** Loads a registered file, or resumes its interrupted load; records the outcome in the registry. */
    public Delivery load(ReceivedFile file) {
        LoadReport report;
        if (file.size() > maxFileBytes) {
            report = LoadReport.quarantined(null, tooLarge(file.size()));
        } else {
            try {
                report = intake.load(new IntakeRequest(file.id(), file.landingPath(), file.originalName(),
                        file.officeCode(), file.receivedAt().atZoneSameInstant(zone).toLocalDate()));
            } catch (RuntimeException e) {
                log.error("Load of {} (#{}) failed", file.originalName(), file.id(), e);
                report = LoadReport.failed(null, new FileError("F_INTERNAL",
                        "Kesalahan internal saat memuat berkas; berkas disimpan dan akan dimuat ulang. Hubungi pengelola data: " + e.getMessage(),
                        "Internal failure while loading the file; it is kept and will be loaded again. Contact the data steward: " + e.getMessage()));
            }
        }
        registry.finish(file.id(), report);
        log.info("{} (#{}) from {}: {}", file.originalName(), file.id(), file.officeCode(), report.status());
        return new Delivery(registry.find(file.id()), file.originalName(), report);
    }

    /** Resumes every load that a crash or failure interrupted. */
    public List<Delivery> resumeUnfinished() {
        return registry.unfinished().stream().map(this::load).toList();
    }

    private static boolean isUnfinished(ReceivedFile file) {
        return "RECEIVED".equals(file.status()) || "FAILED".equals(file.status());
    }

    private static FileError unknownOffice(String folder) {
        String shown = folder == null || folder.isBlank() ? "(inbox)" : folder;
        return new FileError("F_UNKNOWN_OFFICE",
                "Folder '" + shown + "' bukan kode kantor kabupaten/kota Kalimantan Timur. Letakkan berkas di folder kantor"
                        + " pengirim di dalam inbox, dinamai kode Kemendagri-nya, mis. inbox/64.72/ untuk Kota Samarinda.",
                "Folder '" + shown + "' is not the code of a Kalimantan Timur regency/city office. Put the file in the"
                        + " sending office's folder in the inbox, named by its Kemendagri code, e.g. inbox/64.72/ for Kota Samarinda.");
    }

    private FileError tooLarge(long size) {
        return new FileError("F_TOO_LARGE",
                "Berkas berukuran " + size + " byte melebihi batas " + maxFileBytes + " byte. Bagi berkas per bulan atau per tahun, lalu kirim ulang.",
                "The file has " + size + " bytes, over the limit of " + maxFileBytes + " bytes. Split it by month or year and send it again.");
    }
}
