package org.gugus.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meter registry of a command without the server's parts ({@link CommandsWithoutServerParts}):
 * an empty composite, which records nothing, for the beans that count with one (SFTP reception).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = CommandsWithoutServerParts.ENABLED, havingValue = false)
class CommandMetrics {

    @Bean
    MeterRegistry commandMeterRegistry() {
        return new CompositeMeterRegistry();
    }
}
