package org.gugus.system.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Watches the database while a command runs. Spring Batch and the pool keep retrying a server that
 * died (each try waiting for a connection), so a command would never end by itself; the watch calls
 * {@code onLost} once the server has not answered for {@code outage}. It asks on a connection of its
 * own, never one of the pool's, which a long load may keep busy, with short timeouts. That connection
 * is kept from one question to the next and opened again only after a failure: a new connection at
 * every question cost the command about 13 ms of CPU (authentication) and the server a new backend,
 * every 2 s for the whole load (5.8 s of CPU in a 15-minute load of a million rows).
 */
public final class DatabaseWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final int TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final Duration outage;
    private final Consumer<String> onLost;
    private final ScheduledExecutorService timer;
    private Instant failingSince;
    private boolean lost;
    private Connection connection;

    private DatabaseWatch(DataSource dataSource, Duration outage, Consumer<String> onLost) {
        this.dataSource = dataSource;
        this.outage = outage;
        this.onLost = onLost;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gugus-database-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts watching.
     *
     * @param onLost called once, with the last error, when the database has not answered for {@code outage}
     */
    public static DatabaseWatch start(DataSource dataSource, Duration outage, Consumer<String> onLost) {
        DatabaseWatch watch = new DatabaseWatch(dataSource, outage, onLost);
        watch.timer.scheduleWithFixedDelay(watch::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private void check() {
        if (lost) {
            return;
        }
        try {
            if (connection == null) {
                connection = connect();
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                statement.execute("select 1");
            }
            failingSince = null;
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            Instant now = Instant.now();
            if (failingSince == null) {
                failingSince = now;
            } else if (!now.isBefore(failingSince.plus(outage))) {
                lost = true;
                onLost.accept(e.getMessage());
            }
        }
    }

    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
            properties.setProperty("ApplicationName", "gugus-database-watch");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // the server is gone or going: nothing to close there
            }
            connection = null;
        }
    }

    /** Stops asking; the connection is closed on the watch's own thread, without waiting for it. */
    @Override
    public void close() {
        try {
            timer.execute(this::closeConnection);
        } catch (RejectedExecutionException e) {
            // closed before
        }
        // the questions still scheduled are dropped, the close above still runs
        timer.shutdown();
    }
}
