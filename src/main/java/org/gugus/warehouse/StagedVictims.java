package org.gugus.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A staged file's rows as record linkage ({@code persons}) reads the records they will become, before they
 * are published ({@link StagedVictim}): so that their linkage can be prepared while the publish runs. Only
 * a guess at the records: a row the publish drops (a duplicate identity) or a value it writes otherwise is
 * not told apart here; the reader compares each prepared value with the record published.
 */
@Component
public class StagedVictims {

    /**
     * A file's valid staged rows as {@link #staged} reads them, by their places, the report date given as {@code %s}.
     * The dates come as days since 1970: each date as text, parsed by the driver (and each column found by its name)
     * were an eighth of the preparing thread's CPU at 100,000 rows (issue 13).
     */
    private static final String COLUMNS = """
            select ordinal, case_number, %s - date '1970-01-01' as report_day, victim_name, nik, sex,
                   birth_date::date - date '1970-01-01' as birth_day, age, birth_place, origin_regency_code,
                   origin_district_code, origin_village_code, address, xmin::text::bigint as written
              from warehouse.staged_row
             where file_id = ? and not rejected
            """;

    private final JdbcClient jdbc;

    StagedVictims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the office holds no record and no case yet: a file of it would be its first delivery. */
    public boolean firstDelivery(String officeCode) {
        return !new OfficeIdentityIndex(officeCode).officeHoldsRecords(jdbc);
    }

    /**
     * How many rows of the file are staged and not rejected: as the stage step counted them ({@link
     * StagingArea#stagedWhole}), else counted here (every staged row read: 0.32 s of the server at 100,000 rows,
     * beside the publish).
     */
    public long count(long fileId) {
        return jdbc.sql("""
                select coalesce((select valid_rows from warehouse.staged_file where file_id = :file),
                                (select count(*) from warehouse.staged_row where file_id = :file and not rejected))
                """).param("file", fileId).query(Long.class).single();
    }

    /**
     * {@link #toPublish} streamed rather than listed, a fetch at a time (a million rows never held at once), in no
     * order the caller may count on, each row with its case's report date (that of the case's last row). When the
     * stage step saw the rows of each case agree on one date ({@link StagingArea#stagedWhole}), that is each row's
     * own, read as the server keeps the rows; otherwise the rows of a case come together, dated by the server's
     * window over the case, sorted by case (issue 13: 7.4 s of the server beside a million-row publish, through
     * 261 MB of temporary files). Read in a transaction; each row's {@link StagedVictim#written}, read in the same
     * statement, is what a first delivery's publish vouches for ({@link FirstDeliveryPlaces}).
     */
    public void forEachToPublish(long fileId, String officeCode, Consumer<StagedVictim> each) {
        String reportDate = StagingArea.caseDatesAgree(jdbc, fileId) ? "report_date::date"
                : """
                last_value(report_date::date) over (partition by case_number order by ordinal
                           rows between unbounded preceding and unbounded following)""";
        jdbc.sql(COLUMNS.formatted(reportDate)).param(fileId).withFetchSize(10_000).query(rs -> {
                    each.accept(staged(rs, fileId, officeCode));
                });
    }

    /**
     * The rows of the file staged and not rejected, in the file's order, each case's report date that of its
     * last row (as an office's first delivery writes its cases), each with the transaction that wrote it
     * ({@link StagedVictim#written}, see {@link FirstDeliveryPlaces}). Read in a transaction, a chunk at a time, in
     * the order the server keeps them, and put in the file's order here: the stage step writes them so, and the
     * server sorted a whole file's rows for the order asked of it (a first load's staged rows, beside its publish,
     * are newer than the table's statistics), at 100,000 rows through 12 MB of temporary files.
     */
    public List<StagedVictim> toPublish(long fileId, String officeCode) {
        List<StagedVictim> rows = new ArrayList<>();
        jdbc.sql(COLUMNS.formatted("report_date::date")).param(fileId).withFetchSize(10_000).query(rs -> {
                    rows.add(staged(rs, fileId, officeCode));
                });
        if (!inFileOrder(rows)) {
            rows.sort(Comparator.comparingInt(StagedVictim::ordinal));
        }
        Map<String, LocalDate> reportDates = new HashMap<>();
        rows.forEach(row -> reportDates.put(row.caseNumber(), row.reportDate())); // the last row's wins
        rows.replaceAll(row -> {
            LocalDate ofCase = reportDates.get(row.caseNumber());
            return Objects.equals(ofCase, row.reportDate()) ? row
                    : new StagedVictim(row.fileId(), row.ordinal(), row.officeCode(), row.caseNumber(), ofCase,
                            row.name(), row.nik(), row.sex(), row.birthDate(), row.age(), row.birthPlace(),
                            row.originRegencyCode(), row.originDistrictCode(), row.originVillageCode(), row.address(),
                            row.written());
        });
        return rows;
    }

    /** The staged row the result set is at, as read by {@link #toPublish} and {@link #forEachToPublish}. */
    private static StagedVictim staged(ResultSet rs, long fileId, String officeCode) throws SQLException {
        LocalDate reportDate = day(rs, 3);
        LocalDate birthDate = day(rs, 7);
        int age = rs.getInt(8);
        Integer ageOrNull = rs.wasNull() ? null : age;
        return new StagedVictim(fileId, rs.getInt(1), officeCode, rs.getString(2), reportDate, rs.getString(4),
                rs.getString(5), rs.getString(6), birthDate, ageOrNull, rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14));
    }

    /** A date read as its days since 1970 ({@link #COLUMNS}); null for none. */
    private static LocalDate day(ResultSet rs, int column) throws SQLException {
        int days = rs.getInt(column);
        return rs.wasNull() ? null : LocalDate.ofEpochDay(days);
    }

    private static boolean inFileOrder(List<StagedVictim> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i - 1).ordinal() > rows.get(i).ordinal()) {
                return false;
            }
        }
        return true;
    }
}
