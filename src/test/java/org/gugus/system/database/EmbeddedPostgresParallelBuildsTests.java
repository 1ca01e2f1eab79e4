package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server builds an index without parallel workers on a machine of two cores, where a load's other
 * server processes need them (issue 13), and with PostgreSQL's two from four cores on.
 */
class EmbeddedPostgresParallelBuildsTests {

    @TempDir
    Path home;

    @Test
    void startsNoParallelWorkersForAnIndexOnTwoCoresOneOnThreeAndTwoFromFourOn() {
        assertThat(EmbeddedPostgres.parallelMaintenanceWorkers(1)).isZero();
        assertThat(EmbeddedPostgres.parallelMaintenanceWorkers(2)).isZero();
        assertThat(EmbeddedPostgres.parallelMaintenanceWorkers(3)).isEqualTo(1);
        assertThat(EmbeddedPostgres.parallelMaintenanceWorkers(4)).isEqualTo(2);
        assertThat(EmbeddedPostgres.parallelMaintenanceWorkers(64)).isEqualTo(2);
    }

    @Test
    void runsWithTheParallelWorkersForAnIndexThisMachinesCoresGive() throws SQLException {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = server.connect("postgres");
                Statement sql = connection.createStatement();
                ResultSet workers = sql.executeQuery("show max_parallel_maintenance_workers")) {
            workers.next();
            assertThat(workers.getInt(1)).isEqualTo(
                    EmbeddedPostgres.parallelMaintenanceWorkers(Runtime.getRuntime().availableProcessors()));
        }
    }
}
