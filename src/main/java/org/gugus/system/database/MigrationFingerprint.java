package org.gugus.system.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a database was last migrated with: a digest of the migration files this build carries (and
 * of Flyway's settings that choose which of them apply), followed by the state of Flyway's history
 * that migrating left (rows, last rank, sum of checksums). Recorded as the comment of the history
 * table after each successful migrate; a command that finds it unchanged may skip Flyway's
 * migrate, whose validation and scanning of every migration was part of each command's start
 * (issue 13). Any other build, an edited migration, or any change to the history (a failed or
 * repaired migration, another build migrating) makes the two differ, and Flyway runs as before.
 */
final class MigrationFingerprint {

    private static final String PREFIX = "gugus-migrations ";
    private static final List<String> SETTINGS = Stream.of("enabled", "url", "user", "target", "locations", "schemas",
            "table", "out-of-order", "default-schema").map(key -> "spring.flyway." + key).toList();

    private final String build;
    private final String schema;
    private final String table;

    private MigrationFingerprint(String build, String schema, String table) {
        this.build = build;
        this.schema = schema;
        this.table = table;
    }

    /**
     * The fingerprint of the migrations that Flyway, as configured, would apply; {@code null} when
     * they are not all files this process can read (Java migrations, a location in cloud storage).
     */
    static MigrationFingerprint of(Configuration configuration) {
        if (configuration.getJavaMigrations().length > 0) {
            return null;
        }
        return of(configuration.getLocations(), configuration.getSchemas(), configuration.getTable(),
                configuration.isOutOfOrder(), String.valueOf(configuration.getTarget()),
                configuration.getDefaultSchema(), configuration.getClassLoader());
    }

    /**
     * The same fingerprint from Spring Boot's {@code spring.flyway.*} settings alone, without building
     * Flyway: a command checks it beside its start (issue 13). {@code null} where these settings do
     * not say alone which migrations apply (Flyway off or on a database of its own, a vendor
     * placeholder, a target other than the latest); Flyway as configured then decides, as before.
     */
    static MigrationFingerprint of(PropertyResolver settings, ClassLoader classLoader) {
        String target = settings.getProperty("spring.flyway.target", "latest");
        String[] locations = settings.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        if (!settings.getProperty("spring.flyway.enabled", Boolean.class, true)
                || settings.getProperty("spring.flyway.url") != null || settings.getProperty("spring.flyway.user") != null
                || !"latest".equalsIgnoreCase(target) || Arrays.stream(locations).anyMatch(location -> location.contains("{"))) {
            return null;
        }
        return of(Arrays.stream(locations).map(String::strip).map(Location::new).toArray(Location[]::new),
                settings.getProperty("spring.flyway.schemas", String[].class, new String[0]),
                settings.getProperty("spring.flyway.table", "flyway_schema_history"),
                settings.getProperty("spring.flyway.out-of-order", Boolean.class, false),
                String.valueOf(MigrationVersion.LATEST), settings.getProperty("spring.flyway.default-schema"), classLoader);
    }

    /** A copy of the {@code spring.flyway.*} settings that {@link #of(PropertyResolver, ClassLoader)} reads. */
    static PropertyResolver settings(PropertyResolver environment) {
        Map<String, Object> copy = new HashMap<>();
        for (String key : SETTINGS) {
            String value = environment.getProperty(key);
            if (value != null) {
                copy.put(key, value);
            }
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("spring.flyway", copy));
        return new PropertySourcesPropertyResolver(sources);
    }

    private static MigrationFingerprint of(Location[] locations, String[] schemas, String table, boolean outOfOrder,
            String target, String defaultSchema, ClassLoader classLoader) {
        if (Arrays.stream(locations).anyMatch(location -> !location.isClassPath() && !location.isFileSystem())) {
            return null;
        }
        MessageDigest digest = sha256();
        update(digest, String.join(",", Arrays.stream(locations).map(Location::getDescriptor).toList()));
        update(digest, String.join(",", schemas));
        update(digest, table);
        update(digest, Boolean.toString(outOfOrder));
        update(digest, target);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        try {
            for (Location location : locations) {
                for (Map.Entry<String, Resource> file : files(resolver, location).entrySet()) {
                    update(digest, file.getKey());
                    try (InputStream in = file.getValue().getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the migrations: " + e.getMessage(), e);
        }
        // where Flyway keeps its history: the default schema, else the first of its schemas, else the connection's
        String schema = defaultSchema != null ? defaultSchema : schemas.length > 0 ? schemas[0] : null;
        return new MigrationFingerprint(HexFormat.of().formatHex(digest.digest()), schema, table);
    }

    /** Whether the history table carries this build's fingerprint and has not changed since it was recorded. */
    boolean matches(Connection connection) throws SQLException {
        String recorded = recorded(connection);
        return recorded != null && recorded.startsWith(PREFIX + build + " ")
                && recorded.equals(PREFIX + build + " " + history(connection));
    }

    /** Records this build's fingerprint and the history as it is now; only after a successful migrate. */
    void record(Connection connection) throws SQLException {
        String comment = PREFIX + build + " " + history(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("comment on table " + qualifiedTable() + " is '" + comment + "'");
        }
    }

    /** The recorded fingerprint; {@code null} when there is no history table or no fingerprint on it. */
    String recorded(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select obj_description(to_regclass(?), 'pg_class')")) {
            statement.setString(1, qualifiedTable());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private String history(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*), coalesce(max(installed_rank), 0), "
                        + "coalesce(sum(checksum), 0), count(*) filter (where not success) from " + qualifiedTable())) {
            result.next();
            return result.getLong(1) + ":" + result.getLong(2) + ":" + result.getLong(3) + ":" + result.getLong(4);
        }
    }

    private String qualifiedTable() {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The location's files by their path below it, in a stable order. */
    private static Map<String, Resource> files(PathMatchingResourcePatternResolver resolver, Location location)
            throws IOException {
        Map<String, Resource> files = new TreeMap<>();
        String root = location.getRootPath();
        String pattern = (location.isClassPath() ? "classpath*:" : "file:") + root + "/**/*";
        for (Resource resource : resolver.getResources(pattern)) {
            if (!resource.isReadable()) {
                continue;
            }
            String url = resource.getURL().toString();
            int below = url.lastIndexOf(root + "/");
            files.put(below < 0 ? url : url.substring(below), resource);
        }
        return files;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
