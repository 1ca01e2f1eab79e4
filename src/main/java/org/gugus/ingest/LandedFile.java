package org.gugus.ingest;

import java.nio.file.Path;

/** Received bytes kept in the landing area under their SHA-256. */
public record LandedFile(Path path, String sha256, long size) {
}
