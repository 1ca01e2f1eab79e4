package org.gugus.warehouse;

/**
 * A staged file's publish is about to start: its staged rows are committed and none of them is a
 * record yet. Published synchronously, before the publish's first statement; a listener that reads
 * the file's rows ahead ({@link StagedVictims}) does so on a connection of its own and must not hold
 * the publish up. A publish that fails afterwards publishes nothing more; one that commits publishes
 * {@link VictimsPublished}.
 */
public record PublishStarting(long fileId, String officeCode) {
}
