package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CommandsWithoutCamelTests {

    private static final String[] AUTO_CONFIGURATIONS = {
            "org.apache.camel.spring.boot.CamelAutoConfiguration",
            "org.apache.camel.component.file.springboot.FileComponentAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            null};

    @Test
    void leavesCamelsAutoConfigurationsOutWhenCamelIsDisabled() {
        CommandsWithoutCamel filter = new CommandsWithoutCamel();
        filter.setEnvironment(new MockEnvironment().withProperty("gugus.camel.enabled", "false"));

        assertThat(filter.match(AUTO_CONFIGURATIONS, null)).containsExactly(false, false, true, true);
    }

    @Test
    void keepsEveryAutoConfigurationByDefault() {
        CommandsWithoutCamel filter = new CommandsWithoutCamel();
        filter.setEnvironment(new MockEnvironment());

        assertThat(filter.match(AUTO_CONFIGURATIONS, null)).containsExactly(true, true, true, true);
    }
}
