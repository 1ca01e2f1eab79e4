package org.gugus.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against, a fresh database per test class on it:
 * <ul>
 * <li>by default the embedded one (one server for the whole run, under the build directory);</li>
 * <li>with {@code -Dgugus.test.database.url=jdbc:postgresql://host:port/db} (and {@code .username},
 * {@code .password}) an external server, as a site runs it: the role needs no superuser, only
 * {@code CREATEDB} so each test class gets a database of its own, which it then owns;</li>
 * <li>with {@code -Dgugus.test.database.image=postgres:15} a server in a container (docker-it profile).</li>
 * </ul>
 */
public final class TestDatabases {

    private static final String URL = "gugus.test.database.url";
    private static final String IMAGE = "gugus.test.database.image";

    private static Server server;
    private static EmbeddedPostgres embedded;

    /** Where the server is, with a user that may create databases. */
    public record Server(String host, int port, String maintenanceDatabase, String username, String password) {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
        }
    }

    private TestDatabases() {
    }

    /** Whether the tests run on an external server (or a container) rather than the embedded one. */
    public static boolean external() {
        return !System.getProperty(URL, "").isBlank() || !System.getProperty(IMAGE, "").isBlank();
    }

    /** Points the app at a new database named {@code database}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        // every test class keeps its app (and pool) in Spring's context cache: idle connections are
        // let go, so many cached apps stay within the server's max_connections
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        if (!external()) {
            embedded();
            registry.add("gugus.database.name", () -> database);
            registry.add("gugus.database.data-dir", () -> embeddedDataDirectory().toString());
            return;
        }
        Server server = server();
        create(server, database);
        registry.add("spring.datasource.url", () -> server.jdbcUrl(database));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
    }

    /** A new, empty database on the server the tests run against, for tests without Spring. */
    public static PGSimpleDataSource create(String database) {
        Server server;
        if (external()) {
            server = server();
        } else {
            EmbeddedPostgres embedded = embedded();
            server = new Server("localhost", embedded.port(), "postgres", embedded.user(), embedded.password());
        }
        create(server, database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }

    /**
     * The embedded server every test of a run shares, started by the run itself and stopped when the run
     * ends. An application context that started it would own it and stop it when Spring's context cache
     * lets that context go, under the connections of every other cached context.
     */
    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            embedded = EmbeddedPostgres.start(embeddedDataDirectory(), 0);
            if (embedded.owned()) {
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            }
        }
        return embedded;
    }

    /** The data directory of the embedded server every test of a run shares. */
    public static Path embeddedDataDirectory() {
        return Path.of("target", "test-postgres", "data").toAbsolutePath();
    }

    private static synchronized Server server() {
        if (server == null) {
            String image = System.getProperty(IMAGE, "");
            server = image.isBlank() ? fromUrl(System.getProperty(URL)) : container(image);
        }
        return server;
    }

    private static Server fromUrl(String url) {
        var matcher = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+).*").matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(URL + " must look like jdbc:postgresql://host:port/database: " + url);
        }
        return new Server(matcher.group(1), matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2)),
                matcher.group(3), System.getProperty("gugus.test.database.username", ""), System.getProperty("gugus.test.database.password", ""));
    }

    @SuppressWarnings("resource") // one container for the whole run; Testcontainers removes it when the JVM ends
    private static Server container(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        return new Server(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
                container.getUsername(),
                container.getPassword());
    }

    private static void create(Server server, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(server.maintenanceDatabase()), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + ": " + e.getMessage(), e);
        }
    }
}
