package org.gugus.system;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves every Camel auto-configuration (the context, its components, languages and health checks)
 * out of a context started with {@code gugus.camel.enabled=false}: the command line sets it for each
 * command but {@code gugus pull}, the only one that runs a route. Configuring the Camel context was
 * about a third of a command's Spring start (issue 13). The server and the tests keep Camel.
 */
public final class CommandsWithoutCamel implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String ENABLED = "gugus.camel.enabled";
    private static final String CAMEL = "org.apache.camel.";

    private boolean camel = true;

    @Override
    public void setEnvironment(Environment environment) {
        this.camel = environment.getProperty(ENABLED, Boolean.class, true);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] kept = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < kept.length; i++) {
            String name = autoConfigurationClasses[i];
            kept[i] = camel || name == null || !name.startsWith(CAMEL);
        }
        return kept;
    }
}
