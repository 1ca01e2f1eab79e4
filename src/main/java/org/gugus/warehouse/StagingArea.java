package org.gugus.warehouse;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouse's loading zone ({@code warehouse.staged_row}): a file's judged rows wait here,
 * chunk by chunk, until {@link WarehousePublisher} publishes the file whole, or are discarded when
 * the file is quarantined. Nothing staged is visible in the warehouse.
 */
@Component
public class StagingArea {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    StagingArea(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A writer that stages rows in the caller's (the chunk's) transaction. */
    public ItemWriter<StagedRow> writer() {
        return new StagedRowWriter(dataSource);
    }

    /** Drops what was staged of a file that will not be published. */
    public void discard(long fileId) {
        jdbc.sql("delete from warehouse.staged_row where file_id = ?").param(fileId).update();
    }
}
