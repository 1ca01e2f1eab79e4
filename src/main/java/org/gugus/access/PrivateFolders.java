package org.gugus.access;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folders that hold received files (landing, archive, quarantine) are owner-only from the
 * start, before any file arrives. The inbox is left as it is: offices' sync tools write into it.
 */
@Component
class PrivateFolders implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PrivateFolders.class);

    private final List<Path> folders;

    PrivateFolders(@Value("${gugus.ingest.landing}") Path landing, @Value("${gugus.ingest.archive}") Path archive,
            @Value("${gugus.ingest.quarantine}") Path quarantine) {
        this.folders = List.of(landing, archive, quarantine);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Path folder : folders) {
            try {
                PrivateFiles.folder(folder);
            } catch (UncheckedIOException e) {
                // an unwritable home is reported by readiness, at ERROR, with what to fix
                log.debug("Cannot make {} owner-only yet: {}", folder, e.getMessage());
            }
        }
    }
}
