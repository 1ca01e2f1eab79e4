package org.gugus.warehouse;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An office's first delivery is being published, its records are written, and its row outcomes are worked out beside
 * the publish ({@link OutcomesAhead}): {@code outcomes} completes with them (empty when there are too many to hold;
 * the publish then keeps them by its own statement). What is left of the publish is the records' index and its
 * narrower tables, on its one server process. Published synchronously inside the publishing transaction, on its
 * thread: a listener may start work that needs only the outcomes (the office's answer), and must drop it when the
 * transaction rolls back. One that commits publishes {@link VictimsPublished} after.
 */
public record OutcomesWorkedOutAhead(long fileId, CompletableFuture<Optional<OutcomesBeforeCommit>> outcomes) {
}
