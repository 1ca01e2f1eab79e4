package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CommandsWithoutServerPartsTests {

    private static final String[] AUTO_CONFIGURATIONS = {
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            null};

    @Test
    void leavesTheServersEndpointsMetricsPagesAndSecurityOutWhenDisabled() {
        CommandsWithoutServerParts filter = new CommandsWithoutServerParts();
        filter.setEnvironment(new MockEnvironment().withProperty("gugus.server-parts.enabled", "false"));

        assertThat(filter.match(AUTO_CONFIGURATIONS, null)).containsExactly(false, false, false, false, false,
                false, false, false, false, false, false, true, true, true, true);
    }

    @Test
    void keepsEveryAutoConfigurationByDefault() {
        CommandsWithoutServerParts filter = new CommandsWithoutServerParts();
        filter.setEnvironment(new MockEnvironment());

        assertThat(filter.match(AUTO_CONFIGURATIONS, null)).containsOnly(true);
    }
}
