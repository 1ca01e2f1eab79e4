package org.gugus.ingest;

import java.nio.file.Path;
import org.gugus.intake.LoadReport;
import org.gugus.intake.LoadStatus;

/**
 * A received file and what became of it. {@code keepIn} is the folder where a dropped original
 * is kept (archive or quarantine); {@code null} for files from other sources.
 */
public record Delivery(ReceivedFile file, String fileName, LoadReport report, String keepIn) {

    public Delivery(ReceivedFile file, String fileName, LoadReport report) {
        this(file, fileName, report, null);
    }

    Delivery keptIn(Path folder) {
        return new Delivery(file, fileName, report, folder.toString());
    }

    public LoadStatus status() {
        return report.status();
    }

    public boolean quarantined() {
        return report.status() == LoadStatus.QUARANTINED;
    }

    public long fileId() {
        return file.id();
    }

    /** The note kept beside a quarantined file: what is wrong and what to do. */
    public String errorNote() {
        if (report.error() == null) {
            return "";
        }
        return """
                Berkas / File: %s (#%d)
                Kode / Code: %s

                %s

                %s
                """.formatted(fileName, file.id(), report.error().code(), report.error().messageId(),
                report.error().messageEn());
    }
}
