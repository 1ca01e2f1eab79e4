package org.gugus.system.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an embedded PostgreSQL whose data lives under the Gugus home. Setting
 * {@code spring.datasource.url} to an external server's URL switches it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${gugus.database.data-dir}") Path dataDirectory,
            @Value("${gugus.database.port:0}") int port) {
        return EmbeddedPostgres.start(dataDirectory, port);
    }

    /** The pool takes {@code spring.datasource.hikari.*} (timeouts, size) as it would for an external server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${gugus.database.name:gugus}") String database) {
        createDatabaseIfMissing(postgres, database);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("gugus-embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("gugus.database.name must be a plain lower-case identifier: " + database);
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password())) {
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
