package org.gugus.ingest.sftp;

import org.gugus.intake.FileOutcome;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A pull asked for over REST, as {@code GET /api/sftp/sources/{office}/pulls/{id}} shows it while it
 * runs and once it has finished.
 *
 * @param attempts      attempts that have ended so far (all of them once finished)
 * @param nextAttemptAt while running: when the next attempt starts, after a failure that may pass
 * @param files         each file pulled, in the shape of {@code gugus pull --json}, as it arrives
 * @param error         why the pull ended without all files, once finished
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PullRun(String id, String regency, State state, Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant finishedAt, int attempts,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt, List<FileOutcome> files,
        @JsonInclude(JsonInclude.Include.NON_NULL) SftpFailure error) {

    enum State {
        @JsonProperty("running")
        RUNNING,
        @JsonProperty("finished")
        FINISHED
    }
}
