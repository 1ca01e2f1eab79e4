package org.gugus.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabaseReachableTests {

    @Test
    void saysWhatToCheckWhenNoServerListens() throws IOException {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        nowhere.setUrl("jdbc:postgresql://localhost:" + closedPort + "/gugus?connectTimeout=5");

        var problems = new DatabaseReachable(nowhere).problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).en()).contains("cannot be reached", "SPRING_DATASOURCE_URL");
    }

    @Test
    void findsNothingWrongWithAServerThatAnswers() {
        assertThat(new DatabaseReachable(TestDatabases.create("reachable")).problems()).isEmpty();
    }
}
