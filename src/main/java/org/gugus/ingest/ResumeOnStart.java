package org.gugus.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the server starts, loads that a crash or failure interrupted are resumed from their last
 * committed chunk, so no received file is left half-done (a file that keeps failing is quarantined
 * after {@code gugus.ingest.max-load-attempts}).
 */
@Component
@ConditionalOnProperty(name = "gugus.ingest.resume-on-start", havingValue = "true", matchIfMissing = true)
class ResumeOnStart {

    private static final Logger log = LoggerFactory.getLogger(ResumeOnStart.class);

    private final FileReception reception;

    ResumeOnStart(FileReception reception) {
        this.reception = reception;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        var resumed = reception.resumeUnfinished();
        if (!resumed.isEmpty()) {
            log.info("Resumed {} interrupted load(s)", resumed.size());
        }
    }
}
