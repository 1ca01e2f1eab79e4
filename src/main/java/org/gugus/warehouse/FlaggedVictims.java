package org.gugus.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Victim records loaded with warnings ({@code warehouse.victim_flag}): listed by the file the flags
 * came from and/or the office, found one by one, and locked as the base of a correction.
 */
@Component
public class FlaggedVictims {

    private static final String FLAGS = """
            coalesce((select jsonb_agg(jsonb_build_object('code', fl.code, 'field', fl.field, 'column',
                             coalesce(fl.column_header, fl.field), 'value', fl.value, 'message_id', fl.message_id,
                             'message_en', fl.message_en) order by fl.code, fl.field)
                        from warehouse.victim_flag fl where fl.victim_id = v.id), '[]')::text as flags""";

    private static final String COLUMNS = """
            select v.id, v.office_code, v.source_file_id, v.source_sheet, v.source_row, c.case_number, v.victim_name,
                   v.source_correction_id, warehouse.victim_original(v)::text as original,
            """ + FLAGS + """

              from warehouse.victim v
              join warehouse.tppo_case c on c.id = v.case_id""";

    private final JdbcClient jdbc;
    private final WarehouseJson json;

    FlaggedVictims(JdbcClient jdbc, WarehouseJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Victims with warnings whose flags came from a file, and/or of an office; optionally with one code. */
    public List<FlaggedVictim> list(RowQuery query) {
        return jdbc.sql(COLUMNS + """
                 where exists (select 1 from warehouse.victim_flag x
                                where x.victim_id = v.id
                                  and (cast(:file as bigint) is null or x.source_file_id = :file)
                                  and (cast(:code as text) is null or x.code = :code))
                   and (cast(:office as text) is null or v.office_code = :office)
                 order by v.source_file_id, v.source_sheet, v.source_row, v.id limit :limit
                """)
                .param("file", query.fileId()).param("office", query.officeCode()).param("code", query.code())
                .param("limit", query.limit())
                .query(this::victim).list();
    }

    /** Flagged victims per office, file the flags came from, and code, of one office or all. */
    public List<ReviewGroup> groups(String officeCode) {
        return jdbc.sql("""
                select v.office_code, fl.source_file_id, fl.code, count(distinct v.id)
                  from warehouse.victim_flag fl join warehouse.victim v on v.id = fl.victim_id
                 where cast(? as text) is null or v.office_code = ?
                 group by 1, 2, 3 order by 1, 2 desc, 3
                """).params(officeCode, officeCode)
                .query((rs, n) -> new ReviewGroup(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** A victim record with its warnings (none when it has none). */
    public Optional<FlaggedVictim> find(long victimId) {
        return jdbc.sql(COLUMNS + " where v.id = ?").param(victimId).query(this::victim).optional();
    }

    /**
     * The record a correction starts from, locked until the caller's transaction ends: the row as
     * written, or its normalised values by field name when the row as written was not kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RowSource> lockForCorrection(long victimId) {
        return jdbc.sql("""
                select source_file_id, office_code, source_sheet, source_row, warehouse.victim_original(v)::text as original,
                       warehouse.victim_case_row(v)::text as case_row
                  from warehouse.victim v where id = ? for update
                """).param(victimId).query((rs, n) -> new RowSource(rs.getLong("source_file_id"),
                        rs.getString("office_code"), rs.getString("source_sheet"), rs.getInt("source_row"),
                        rs.getString("original") != null ? json.texts(rs.getString("original"))
                                : json.texts(rs.getString("case_row"))))
                .optional();
    }

    private FlaggedVictim victim(ResultSet rs, int n) throws SQLException {
        long correction = rs.getLong("source_correction_id");
        Long sourceCorrection = rs.wasNull() ? null : correction;
        return new FlaggedVictim(rs.getLong("id"), rs.getString("office_code"), rs.getLong("source_file_id"),
                rs.getString("source_sheet"), rs.getInt("source_row"), rs.getString("case_number"),
                rs.getString("victim_name"), sourceCorrection, json.texts(rs.getString("original")),
                json.findings(rs.getString("flags")));
    }
}
