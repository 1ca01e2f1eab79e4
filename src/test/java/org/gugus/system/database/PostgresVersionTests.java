package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresVersionTests {

    @Test
    void refusesPostgresFourteenAndSaysWhichVersionIsNeeded() {
        PostgresVersion fourteen = new PostgresVersion(140013, "14.13");

        assertThat(fourteen.supported()).isFalse();
        assertThat(fourteen.tooOld("jdbc:postgresql://db.example:5432/gugus").en())
                .contains("PostgreSQL 14.13", "db.example", "PostgreSQL 15 or newer");
        assertThat(fourteen.tooOld("jdbc:postgresql://db.example:5432/gugus").id()).contains("14.13", "15");
    }

    @Test
    void acceptsFifteenAndLater() {
        assertThat(new PostgresVersion(150000, "15.0").supported()).isTrue();
        assertThat(new PostgresVersion(170006, "17.6").supported()).isTrue();
        assertThat(new PostgresVersion(180000, "18.0").supported()).isTrue();
    }

    @Test
    void readsTheVersionOfARealServer() throws SQLException {
        try (Connection connection = TestDatabases.create("version_check").getConnection()) {
            PostgresVersion version = PostgresVersion.of(connection);

            assertThat(version.major()).isGreaterThanOrEqualTo(15);
            assertThat(version.text()).startsWith(String.valueOf(version.major()));
        }
    }
}
