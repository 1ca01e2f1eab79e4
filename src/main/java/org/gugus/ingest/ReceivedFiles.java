package org.gugus.ingest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other modules may ask of the file registry: the names files arrived under, and when. */
@Component
public class ReceivedFiles {

    private final JdbcClient jdbc;
    private final String timeZone;

    ReceivedFiles(JdbcClient jdbc, @Value("${gugus.time-zone:Asia/Makassar}") String timeZone) {
        this.jdbc = jdbc;
        this.timeZone = timeZone;
    }

    /** The name each file arrived under, by registry id; ids not registered are left out. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, original_name from ingest.received_file where id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("original_name"));
                });
        return names;
    }

    /** The day (in the province's time zone) a file was received: no date in its rows may be after it. */
    public LocalDate receivedOn(long id) {
        return jdbc.sql("select (received_at at time zone ?)::date from ingest.received_file where id = ?")
                .params(timeZone, id).query(LocalDate.class).single();
    }
}
