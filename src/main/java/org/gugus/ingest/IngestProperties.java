package org.gugus.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where received files go: the drop-folder inbox (one sub-folder per office, named by its
 * Kemendagri code), the content-addressed landing area, and the folders that keep loaded and
 * quarantined originals.
 */
@ConfigurationProperties("gugus.ingest")
public record IngestProperties(Path inbox, Path landing, Path archive, Path quarantine, long maxFileBytes) {

    public IngestProperties {
        // absolute, so Camel never resolves them against the folder of the file being moved
        inbox = inbox.toAbsolutePath().normalize();
        landing = landing.toAbsolutePath().normalize();
        archive = archive.toAbsolutePath().normalize();
        quarantine = quarantine.toAbsolutePath().normalize();
    }
}
