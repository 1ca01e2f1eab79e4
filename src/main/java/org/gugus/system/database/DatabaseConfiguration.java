package org.gugus.system.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Gugus's database. By default an embedded PostgreSQL whose data lives under the Gugus home;
 * setting {@code spring.datasource.url} to an external server's URL uses that server instead.
 * <p>
 * The choice is made when the pool is built, not by a condition on this configuration: the command
 * line's context is prepared ahead of time at build time, where conditions are decided once, and
 * the database must still follow the configuration of the site that runs it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Started only when the embedded server is the database (see {@link #dataSource}). */
    @Bean(destroyMethod = "close")
    @Lazy
    EmbeddedPostgres embeddedPostgres(@Value("${gugus.database.data-dir}") Path dataDirectory,
            @Value("${gugus.database.port:0}") int port) {
        return EmbeddedPostgres.start(dataDirectory, port);
    }

    /** A command whose schema is unchanged builds no Flyway (static: it changes bean definitions). */
    @Bean
    static FlywayOnlyWhenChanged flywayOnlyWhenChanged(Environment environment) {
        return new FlywayOnlyWhenChanged(environment);
    }

    /** The pool takes {@code spring.datasource.hikari.*} (timeouts, size) for either server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${spring.datasource.url:embedded}") String url, DataSourceProperties external,
            ObjectProvider<EmbeddedPostgres> embedded, @Value("${gugus.database.name:gugus}") String database) {
        if (!isEmbedded(url)) {
            return external.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        EmbeddedPostgres postgres = embedded.getObject();
        if (!EarlyEmbeddedPostgres.ready(postgres.jdbcUrl(database))) {
            createDatabaseIfMissing(postgres, database);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("gugus-embedded");
        return dataSource;
    }

    /** No {@code spring.datasource.url}, or {@code embedded}: the embedded server. */
    static boolean isEmbedded(String url) {
        return "embedded".equalsIgnoreCase(url);
    }

    static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("gugus.database.name must be a plain lower-case identifier: " + database);
        }
        try (Connection connection = postgres.connect("postgres")) {
            var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " in the embedded PostgreSQL", e);
        }
    }
}
