package org.gugus.intake;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.gugus.warehouse.StagedRow;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * How far the loads running in this process have read, chunk by chunk, for a progress line on the
 * command line. It listens to the rows the intake job stages; a resumed load counts from the top
 * of the file, as its rows are numbered.
 */
@Component
public class LoadProgress implements ItemWriteListener<StagedRow> {

    private final Map<Long, Integer> rowsRead = new ConcurrentHashMap<>();

    /** Data rows read so far by the loads running now; 0 when none runs. */
    public long rowsRead() {
        return rowsRead.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Data rows read so far by the running load of this file; empty when none runs. */
    public OptionalLong rowsRead(long fileId) {
        Integer read = rowsRead.get(fileId);
        return read == null ? OptionalLong.empty() : OptionalLong.of(read);
    }

    @Override
    public void afterWrite(Chunk<? extends StagedRow> rows) {
        for (StagedRow row : rows) {
            rowsRead.merge(row.fileId(), row.ordinal(), Math::max);
        }
    }

    void finished(long fileId) {
        rowsRead.remove(fileId);
    }
}
