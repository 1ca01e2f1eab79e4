package org.gugus.system.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gugus.system.Message;
import org.gugus.system.ReadinessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health component {@code gugus}, part of the readiness group: DOWN while any
 * {@link ReadinessCheck} reports a problem. Each problem is logged at ERROR when it first appears
 * (at start-up, or at the health check that finds it), not at every check, and at INFO once solved.
 */
@Component("gugus")
class ReadinessHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReadinessHealthIndicator.class);

    private final List<ReadinessCheck> checks;
    private final Set<Message> reported = new LinkedHashSet<>();

    ReadinessHealthIndicator(List<ReadinessCheck> checks) {
        this.checks = checks;
    }

    /** Says at once what is wrong, even when nobody asks the health endpoint. */
    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        health();
    }

    @Override
    public Health health() {
        List<Message> problems = checks.stream().flatMap(check -> check.problems().stream()).toList();
        report(problems);
        if (problems.isEmpty()) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail("problems", problems.stream().map(p -> Map.of("message_id", p.id(), "message_en", p.en())).toList())
                .build();
    }

    private synchronized void report(List<Message> problems) {
        for (Message problem : problems) {
            if (reported.add(problem)) {
                log.error("Gugus tidak siap / Gugus is not ready: {}", problem.both());
            }
        }
        if (reported.retainAll(problems) && problems.isEmpty()) {
            log.info("Gugus siap kembali / Gugus is ready again");
        }
    }
}
