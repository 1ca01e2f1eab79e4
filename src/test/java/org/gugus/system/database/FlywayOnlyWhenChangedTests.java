package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.mock.env.MockEnvironment;

/**
 * A command builds Flyway only when the check beside its start did not find the schema unchanged;
 * the server (and any context not started by the command line) keeps Spring Boot's beans.
 */
class FlywayOnlyWhenChangedTests {

    @TempDir
    Path home;

    private final AtomicInteger flywaysBuilt = new AtomicInteger();
    private final AtomicInteger migrations = new AtomicInteger();

    @Test
    void aCommandWithoutAConfirmedSchemaBuildsFlywayAndMigratesBeforeTheDatabaseIsUsed() {
        DefaultListableBeanFactory beans = beansAsSpringBootDefinesThem();

        new FlywayOnlyWhenChanged(command()).postProcessBeanFactory(beans);

        assertThat(beans.getBeanDefinition("flyway").isLazyInit()).isTrue();
        assertThat(beans.getBeanDefinition("jdbcTemplate").getDependsOn()).containsExactly("flywayInitializer");
        beans.preInstantiateSingletons();
        assertThat(flywaysBuilt).hasValue(1);
        assertThat(migrations).hasValue(1);
    }

    @Test
    void theServerKeepsSpringBootsFlywayBeans() {
        DefaultListableBeanFactory beans = beansAsSpringBootDefinesThem();

        new FlywayOnlyWhenChanged(new MockEnvironment().withProperty("gugus.database.data-dir", home.toString()))
                .postProcessBeanFactory(beans);

        assertThat(beans.getBeanDefinition("flyway").isLazyInit()).isFalse();
        assertThat(beans.getBeanDefinition("jdbcTemplate").getDependsOn()).containsExactly("flyway", "flywayInitializer");
        beans.preInstantiateSingletons();
        assertThat(beans.getBean("flywayInitializer")).isInstanceOf(FlywayMigrationInitializer.class);
        assertThat(migrations).hasValue(1);
    }

    private MockEnvironment command() {
        return new MockEnvironment().withProperty("gugus.database.data-dir", home.toString())
                .withProperty(DatabaseMigration.SKIP_UNCHANGED, "true");
    }

    private DefaultListableBeanFactory beansAsSpringBootDefinesThem() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        FlywayMigrationStrategy strategy = flyway -> migrations.incrementAndGet();
        beans.registerSingleton("databaseMigration", strategy);
        RootBeanDefinition flyway = new RootBeanDefinition(Flyway.class);
        flyway.setInstanceSupplier(() -> {
            flywaysBuilt.incrementAndGet();
            return mock(Flyway.class);
        });
        beans.registerBeanDefinition("flyway", flyway);
        RootBeanDefinition initializer = new RootBeanDefinition(FlywayMigrationInitializer.class);
        initializer.setDependsOn("flyway");
        initializer.setInstanceSupplier(() -> new FlywayMigrationInitializer(beans.getBean(Flyway.class), strategy));
        beans.registerBeanDefinition("flywayInitializer", initializer);
        RootBeanDefinition jdbcTemplate = new RootBeanDefinition(Object.class);
        jdbcTemplate.setDependsOn("flyway", "flywayInitializer");
        jdbcTemplate.setInstanceSupplier(Object::new);
        beans.registerBeanDefinition("jdbcTemplate", jdbcTemplate);
        return beans;
    }
}
