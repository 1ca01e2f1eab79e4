package org.gugus.system.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gugus.system.Message;
import org.gugus.system.Messages;

/**
 * The version of the PostgreSQL server Gugus talks to. Gugus needs 15 or newer: from 15 on, no
 * role may create objects in {@code public} by default, which Gugus's own schemas are built for,
 * and older servers are out of their community's support or soon will be.
 *
 * @param number {@code server_version_num}, e.g. 150013 for 15.13
 * @param text {@code server_version}, e.g. "15.13 (Debian 15.13-0+deb12u1)"
 */
record PostgresVersion(int number, String text) {

    static final int OLDEST_SUPPORTED_MAJOR = 15;

    static PostgresVersion of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select current_setting('server_version_num')::int, current_setting('server_version')")) {
            result.next();
            return new PostgresVersion(result.getInt(1), result.getString(2));
        }
    }

    int major() {
        return number / 10000;
    }

    boolean supported() {
        return major() >= OLDEST_SUPPORTED_MAJOR;
    }

    /** Why Gugus refuses to start on this server and what to do about it. */
    Message tooOld(String server) {
        return Messages.get("system.database.too-old", text, server, OLDEST_SUPPORTED_MAJOR);
    }
}
