package org.gugus.ingest.sftp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code sftp}: each source with its last poll, last successful
 * poll, next poll, last error (Indonesian and English) and the files and bytes pulled since start
 * ({@link SourceStatus}). An office whose server is down does not make Gugus unhealthy: the
 * component stays UP and the office shows {@code FAILING}, since Gugus itself is fine and keeps
 * pulling the other offices.
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
        sources.statuses().forEach(status -> health.withDetail(status.office(), status));
        return health.build();
    }
}
