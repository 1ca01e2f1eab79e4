package org.gugus.ingest.sftp;

import java.time.Instant;

/** An SFTP source as the health endpoint shows it. */
record SourceStatus(String office, String name, String address, String state, Instant lastPoll,
        Instant lastSuccessfulPoll, SftpFailure lastError, long filesPulled, long bytesPulled, Instant nextPoll) {
}
