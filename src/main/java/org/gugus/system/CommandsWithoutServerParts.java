package org.gugus.system;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves what only the server serves out of a context started with {@code gugus.server-parts.enabled=false}:
 * the actuator's endpoints, health and its contributors, metrics binders and their Prometheus export,
 * observations, page templates (Thymeleaf), web security and HTTP message converters. The command line
 * sets it for each command that runs no route (all but {@code gugus pull}): no command answers a
 * request, and their beans were created for nothing before a load's first row (issue 13). Beans that
 * count get a registry that records nothing ({@link CommandMetrics}). The server and {@code pull} keep
 * everything, as do the tests that start Gugus as the server does.
 */
public final class CommandsWithoutServerParts implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String ENABLED = "gugus.server-parts.enabled";

    private static final List<String> SERVER_PARTS = List.of(
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springframework.boot.health.autoconfigure.",
            "org.springframework.boot.micrometer.metrics.autoconfigure.",
            "org.springframework.boot.micrometer.observation.autoconfigure.",
            "org.springframework.boot.jdbc.autoconfigure.health.",
            "org.springframework.boot.jdbc.autoconfigure.metrics.",
            "org.springframework.boot.thymeleaf.autoconfigure.",
            "org.springframework.boot.security.autoconfigure.",
            "org.springframework.boot.http.converter.autoconfigure.");

    private boolean serverParts = true;

    @Override
    public void setEnvironment(Environment environment) {
        this.serverParts = environment.getProperty(ENABLED, Boolean.class, true);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] kept = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < kept.length; i++) {
            String name = autoConfigurationClasses[i];
            kept[i] = serverParts || name == null || !isServerPart(name);
        }
        return kept;
    }

    private static boolean isServerPart(String autoConfiguration) {
        return SERVER_PARTS.stream().anyMatch(autoConfiguration::startsWith);
    }
}
