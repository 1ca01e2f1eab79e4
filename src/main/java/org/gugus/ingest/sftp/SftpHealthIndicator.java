package org.gugus.ingest.sftp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code sftp}: each source with its last poll, last successful
 * poll, last error (Indonesian and English) and the files and bytes pulled since start. An office
 * whose server is down does not make Gugus unhealthy: the component stays UP and the office shows
 * {@code FAILING}, since Gugus itself is fine and keeps pulling the other offices.
 */
@Component("sftp")
class SftpHealthIndicator implements HealthIndicator {

    private final SftpSources sources;

    SftpHealthIndicator(SftpSources sources) {
        this.sources = sources;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (SourceStatus status : sources.statuses()) {
            health.withDetail(status.office(), details(status));
        }
        return health.build();
    }

    static Map<String, Object> details(SourceStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state());
        if (status.name() != null) {
            details.put("name", status.name());
        }
        details.put("server", status.address());
        details.put("last_poll", status.lastPoll());
        details.put("last_successful_poll", status.lastSuccessfulPoll());
        details.put("next_poll", status.nextPoll());
        details.put("files_pulled", status.filesPulled());
        details.put("bytes_pulled", status.bytesPulled());
        if (status.lastError() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status.lastError().code());
            error.put("at", status.lastError().at());
            error.put("message_id", status.lastError().messageId());
            error.put("message_en", status.lastError().messageEn());
            details.put("last_error", error);
        }
        return details;
    }
}
