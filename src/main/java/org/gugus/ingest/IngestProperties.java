package org.gugus.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where received files go: the drop-folder inbox (one sub-folder per office, named by its
 * Kemendagri code), the content-addressed landing area, and the folders that keep loaded and
 * quarantined originals; the largest file accepted; how many times a load that fails internally
 * is started before the file is quarantined as F_INTERNAL.
 */
@ConfigurationProperties("gugus.ingest")
public record IngestProperties(Path inbox, Path landing, Path archive, Path quarantine, long maxFileBytes,
        @DefaultValue("3") int maxLoadAttempts) {

    public IngestProperties {
        // absolute, so Camel never resolves them against the folder of the file being moved
        inbox = inbox.toAbsolutePath().normalize();
        landing = landing.toAbsolutePath().normalize();
        archive = archive.toAbsolutePath().normalize();
        quarantine = quarantine.toAbsolutePath().normalize();
        if (maxLoadAttempts < 1) {
            throw new IllegalArgumentException("gugus.ingest.max-load-attempts must be 1 or more, not " + maxLoadAttempts);
        }
    }
}
