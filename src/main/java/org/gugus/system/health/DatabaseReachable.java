package org.gugus.system.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.system.ReadinessCheck;
import org.springframework.stereotype.Component;

/** The database answers: a connection is had (within the pool's connection timeout) and is valid. */
@Component
class DatabaseReachable implements ReadinessCheck {

    private static final int VALID_WITHIN_SECONDS = 3;

    private final DataSource dataSource;

    DatabaseReachable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Message> problems() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                return List.of();
            }
            return List.of(Messages.get("system.readiness.database", "no answer within " + VALID_WITHIN_SECONDS + " s"));
        } catch (SQLException e) {
            return List.of(Messages.get("system.readiness.database", e.getMessage()));
        }
    }
}
