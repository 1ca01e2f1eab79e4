package org.gugus.ingest.sftp;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The schedules and pauses stewards set on the Sumber SFTP page ({@code ingest.sftp_source_override}),
 * applied when the sources start, so that they survive a restart.
 */
@Component
class SourceOverrides {

    private final JdbcClient jdbc;

    SourceOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A steward's settings of one source: its cron (null: the YAML's) and whether it polls on schedule. */
    record Override(String office, String schedule, boolean enabled) {
    }

    Map<String, Override> all() {
        return jdbc.sql("select office_code, schedule, enabled from ingest.sftp_source_override")
                .query((rs, n) -> new Override(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list().stream()
                .collect(Collectors.toMap(Override::office, o -> o));
    }

    Optional<Override> find(String office) {
        return Optional.ofNullable(all().get(office));
    }

    void save(Override override, String user) {
        jdbc.sql("""
                insert into ingest.sftp_source_override (office_code, schedule, enabled, changed_by)
                values (:office, :schedule, :enabled, :user)
                on conflict (office_code) do update set schedule = excluded.schedule, enabled = excluded.enabled,
                    changed_by = excluded.changed_by, changed_at = now()
                """).param("office", override.office()).param("schedule", override.schedule())
                .param("enabled", override.enabled()).param("user", user).update();
    }
}
