package org.gugus.system.database;

import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * A command whose schema is as these migrations last left it builds no Flyway: the check of the
 * {@link MigrationFingerprint} runs beside the start ({@link EarlyEmbeddedPostgres}), and Flyway's
 * bean (its configuration, plug-ins and resource provider: about a twentieth of a command's main
 * thread before the first row, issue 13) is only made when that check did not confirm it. Spring
 * Boot's {@code flywayInitializer}, which every bean that uses the database waits for, is replaced
 * by a {@link SchemaCheck} of that name; {@code flyway} becomes lazy and no longer a bean others wait for.
 * Only where the command line asks ({@value DatabaseMigration#SKIP_UNCHANGED}); the server and the
 * build's ahead-of-time processing keep Spring Boot's beans as they are.
 */
final class FlywayOnlyWhenChanged implements BeanFactoryPostProcessor, Ordered {

    static final String FLYWAY = "flyway";
    static final String INITIALIZER = "flywayInitializer";

    private final boolean active;
    private final Path embeddedData;

    FlywayOnlyWhenChanged(Environment environment) {
        this.active = environment.getProperty(DatabaseMigration.SKIP_UNCHANGED, Boolean.class, false)
                && !Boolean.getBoolean("spring.aot.processing");
        this.embeddedData = DatabaseConfiguration.isEmbedded(environment.getProperty("spring.datasource.url", "embedded"))
                ? EmbeddedPostgres.normalise(Path.of(environment.getRequiredProperty("gugus.database.data-dir")))
                : null;
    }

    /** After Spring Boot's own post-processor has made the database's users wait for the initializers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        if (!active || embeddedData == null || !(beans instanceof BeanDefinitionRegistry registry)
                || !registry.containsBeanDefinition(FLYWAY) || !registry.containsBeanDefinition(INITIALIZER)) {
            return;
        }
        registry.getBeanDefinition(FLYWAY).setLazyInit(true);
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            String[] dependsOn = definition.getDependsOn();
            if (dependsOn != null && Arrays.asList(dependsOn).contains(FLYWAY)) {
                definition.setDependsOn(Arrays.stream(dependsOn).filter(other -> !other.equals(FLYWAY)).toArray(String[]::new));
            }
        }
        registry.removeBeanDefinition(INITIALIZER);
        RootBeanDefinition check = new RootBeanDefinition(SchemaCheck.class);
        check.setInstanceSupplier(() -> new SchemaCheck(beans, embeddedData));
        registry.registerBeanDefinition(INITIALIZER, check);
    }

    /**
     * Before anything uses the database: nothing when the check beside the start found the schema
     * unchanged, else Flyway built and run as Spring Boot's initializer runs it ({@link DatabaseMigration}).
     */
    static final class SchemaCheck implements InitializingBean {

        private static final Logger log = LoggerFactory.getLogger(SchemaCheck.class);

        private final ConfigurableListableBeanFactory beans;
        private final Path embeddedData;

        SchemaCheck(ConfigurableListableBeanFactory beans, Path embeddedData) {
            this.beans = beans;
            this.embeddedData = embeddedData;
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            if (EarlyEmbeddedPostgres.schemaUnchanged(embeddedData)) {
                log.info("Schema unchanged since it was last migrated with these migrations: Flyway not built");
                return;
            }
            new FlywayMigrationInitializer(beans.getBean(FLYWAY, Flyway.class),
                    beans.getBeanProvider(FlywayMigrationStrategy.class).getIfAvailable()).afterPropertiesSet();
        }
    }
}
