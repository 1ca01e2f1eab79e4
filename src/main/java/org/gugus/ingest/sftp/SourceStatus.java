package org.gugus.ingest.sftp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An SFTP source as the health endpoint ({@code /actuator/health}, component {@code sftp}) and
 * {@code GET /api/sftp/sources} show it, keyed by its office. Named snake_case here, since the
 * actuator writes with a JSON mapper of its own.
 *
 * @param state {@code OK}, {@code FAILING} (the last poll failed) or {@code MISCONFIGURED} (left out)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"state", "name", "server", "last_poll", "last_successful_poll", "next_poll", "files_pulled",
        "bytes_pulled", "last_error"})
public record SourceStatus(@JsonIgnore String office, @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        @JsonProperty("server") String address, String state, Instant lastPoll, Instant lastSuccessfulPoll,
        @JsonInclude(JsonInclude.Include.NON_NULL) SftpFailure lastError, long filesPulled, long bytesPulled,
        Instant nextPoll) {
}
