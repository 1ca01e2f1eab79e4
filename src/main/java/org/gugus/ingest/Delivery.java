package org.gugus.ingest;

import org.gugus.intake.LoadReport;
import org.gugus.intake.LoadStatus;

/** A received file and what became of it. */
public record Delivery(ReceivedFile file, String fileName, LoadReport report) {

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
