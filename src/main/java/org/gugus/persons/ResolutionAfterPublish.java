package org.gugus.persons;

import org.gugus.warehouse.VictimsPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Resolves the new and changed victim records once a file or a correction is published, before
 * {@code gugus load} (or the correction) returns: after the warehouse's transaction committed, in a
 * transaction of its own. A failure leaves the load as it is; the records stay pending for the next
 * load or {@code gugus persons resolve}.
 */
@Component
class ResolutionAfterPublish {

    private static final Logger log = LoggerFactory.getLogger(ResolutionAfterPublish.class);

    private final PersonResolution resolution;

    ResolutionAfterPublish(PersonResolution resolution) {
        this.resolution = resolution;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void resolve(VictimsPublished published) {
        String trigger = published.fileId() != null ? "load" : "correction";
        try {
            ResolutionSummary summary = resolution.resolvePublished(trigger, published.fileId());
            log.info("Persons resolved after the {} {} of office {}: {} records, {} persons, {} links, {} pairs queued,"
                    + " {} not queued (beyond max-review-pairs), {} s; reporting refreshed after it in {} s",
                    trigger, published.fileId() != null ? published.fileId() : published.correctionId(),
                    published.officeCode(), summary.victims(), summary.persons(), summary.links(), summary.pairsQueued(),
                    summary.pairsNotQueued(), "%.2f".formatted(summary.seconds()),
                    "%.2f".formatted(summary.followSeconds()));
        } catch (RuntimeException e) {
            // no personal data: the exception's class and the file or correction only, never its message
            log.warn("Persons not resolved after the {} {} of office {} ({}); the records stay pending for the next load"
                    + " or `gugus persons resolve`", trigger,
                    published.fileId() != null ? published.fileId() : published.correctionId(), published.officeCode(),
                    e.getClass().getName());
        }
    }
}
