package org.gugus.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows rules rejected ({@code warehouse.rejected_row}), written when a file is published and
 * kept as written for review: listed, found, locked for a correction and marked corrected.
 */
@Component
public class RejectedRows {

    private static final String COLUMNS = """
            select id, file_id, office_code, sheet, row_number, status, original::text as original,
                   findings::text as findings, created_at, corrected_by
              from warehouse.rejected_row""";

    private final JdbcClient jdbc;
    private final WarehouseJson json;

    RejectedRows(JdbcClient jdbc, WarehouseJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Rejected rows of a file and/or an office, optionally of one status, in file and row order. */
    public List<RejectedRecord> list(RowQuery query) {
        return jdbc.sql(COLUMNS + """
                 where (cast(:file as bigint) is null or file_id = :file)
                   and (cast(:office as text) is null or office_code = :office)
                   and (cast(:status as text) is null or status = :status)
                 order by file_id, id limit :limit
                """)
                .param("file", query.fileId()).param("office", query.officeCode())
                .param("status", query.status() == null ? null : query.status().name()).param("limit", query.limit())
                .query(this::record).list();
    }

    /** Open rejected rows per office code; offices with none are left out. */
    public Map<String, Long> openByOffice() {
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("select office_code, count(*) from warehouse.rejected_row where status = ? group by office_code")
                .param(RejectionStatus.OPEN.name())
                .query(rs -> {
                    open.put(rs.getString(1), rs.getLong(2));
                });
        return open;
    }

    /** Open rejected rows per office, file and code (a row with two codes counts in both), of one office or all. */
    public List<ReviewGroup> openGroups(String officeCode) {
        return jdbc.sql("""
                select r.office_code, r.file_id, f ->> 'code' as code, count(distinct r.id) as rows
                  from warehouse.rejected_row r cross join lateral jsonb_array_elements(r.findings) f
                 where r.status = ? and (cast(? as text) is null or r.office_code = ?) and f ->> 'code' like 'E\\_%'
                 group by 1, 2, 3 order by 1, 2 desc, 3
                """).params(RejectionStatus.OPEN.name(), officeCode, officeCode)
                .query((rs, n) -> new ReviewGroup(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list();
    }

    public Optional<RejectedRecord> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(this::record).optional();
    }

    /** The row, locked until the caller's transaction ends, so two corrections of it never interleave. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RejectedRecord> lockForCorrection(long id) {
        return jdbc.sql(COLUMNS + " where id = ? for update").param(id).query(this::record).optional();
    }

    /**
     * Marks the row CORRECTED by a correction that passed. {@code corrected_by} names the correction
     * whose values the warehouse holds: a later correction takes it over only when it wrote the
     * record ({@code wroteRecord}); one that changed nothing (the same correction sent twice) leaves
     * it with the earlier one, as the victim's lineage does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markCorrected(long id, long correctionId, boolean wroteRecord) {
        jdbc.sql("""
                update warehouse.rejected_row set status = 'CORRECTED', corrected_by = ?
                 where id = ? and (status = 'OPEN' or ?)
                """).params(correctionId, id, wroteRecord).update();
    }

    /** Marks an OPEN row DISMISSED; false when it was no longer open. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markDismissed(long id) {
        return jdbc.sql("update warehouse.rejected_row set status = 'DISMISSED' where id = ? and status = 'OPEN'")
                .param(id).update() == 1;
    }

    private RejectedRecord record(ResultSet rs, int n) throws SQLException {
        long correctedBy = rs.getLong("corrected_by");
        Long corrected = rs.wasNull() ? null : correctedBy;
        return new RejectedRecord(rs.getLong("id"), rs.getLong("file_id"), rs.getString("office_code"),
                rs.getString("sheet"), rs.getInt("row_number"), RejectionStatus.valueOf(rs.getString("status")),
                json.texts(rs.getString("original")), json.findings(rs.getString("findings")),
                rs.getObject("created_at", OffsetDateTime.class), corrected);
    }
}
