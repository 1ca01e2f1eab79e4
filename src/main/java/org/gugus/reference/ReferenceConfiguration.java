package org.gugus.reference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reference data as beans, loaded once at start-up. */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    Regions regions(@Value("${gugus.reference.regions-edition:" + Regions.CURRENT_EDITION + "}") String edition) {
        return Regions.edition(edition);
    }

    @Bean
    Countries countries() {
        return Countries.bundled();
    }
}
