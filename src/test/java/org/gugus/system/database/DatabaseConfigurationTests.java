package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The database is chosen when the pool is built, so that a context prepared ahead of time (the
 * command line's) still follows {@code spring.datasource.url} at run time.
 */
class DatabaseConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(DatabaseConfiguration.class);

    @Test
    void usesTheExternalServerOfTheUrlWithoutStartingTheEmbeddedOne() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/gugus",
                "spring.datasource.username=gugus", "spring.datasource.password=secret",
                "spring.datasource.hikari.maximum-pool-size=7",
                "gugus.database.data-dir=/nonexistent/gugus/postgres/data")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HikariDataSource dataSource = context.getBean(HikariDataSource.class);
                    assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/gugus");
                    assertThat(dataSource.getUsername()).isEqualTo("gugus");
                    assertThat(dataSource.getMaximumPoolSize()).isEqualTo(7);
                    assertThat(context.getBeanFactory().containsSingleton("embeddedPostgres")).isFalse();
                });
    }

    @Test
    void takesEmbeddedAsTheEmbeddedServerInAnyCase() {
        assertThat(DatabaseConfiguration.isEmbedded("embedded")).isTrue();
        assertThat(DatabaseConfiguration.isEmbedded("EMBEDDED")).isTrue();
        assertThat(DatabaseConfiguration.isEmbedded("jdbc:postgresql://db.example:5432/gugus")).isFalse();
    }
}
