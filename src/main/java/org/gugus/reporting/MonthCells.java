package org.gugus.reporting;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-person cells of every person (and every office's person) counted ahead by the months of
 * her first and last report ({@code reporting.month_cell}, V055): the persons of a period whose
 * reports all lie in its whole months are the sum of the cells of those month pairs, a few thousand
 * rows instead of one per person. Made once per generation of the reporting schema; until they are,
 * a period counts every person from the per-person facts ({@link FactCounts}).
 */
@Component
class MonthCells {

    /** A month key of no month after every report (the last month of an open-ended period). */
    static final int LAST = 1 << 20;

    private final JdbcClient jdbc;

    MonthCells(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The files behind a period's reports (by id, in order): those of its whole months from the files
     * kept per month with the cells of {@code generation}, and those of its partial months' reports.
     * {@code officeId} is the dictionary id of the office (an expression) or 0; {@code scope} the
     * condition on the report facts' office (ending in {@code and}, or empty).
     */
    List<Long> files(long generation, ReportQuery query, String officeId, String scope, Map<String, Object> params) {
        WholeMonths months = WholeMonths.of(query);
        String partial = "select source_file_id from reporting.report_fact where " + scope;
        return jdbc.sql("""
                select source_file_id from reporting.month_file
                 where generation = :generation and office = %1$s and month between :first_month and :last_month
                union
                %2$sreport_date >= :from_date and report_date < :whole_from
                union
                %2$sreport_date > :whole_to and report_date <= :to_date
                order by 1
                """.formatted(officeId, partial)).params(params).param("generation", generation)
                .param("first_month", firstMonth(query.from())).param("last_month", lastMonth(query.to()))
                .param("from_date", months.from()).param("to_date", months.to())
                .param("whole_from", months.wholeFrom()).param("whole_to", months.wholeTo()).query(Long.class).list();
    }

    /** Whether the cells of this generation are made. */
    boolean made(long generation) {
        return jdbc.sql("select exists (select 1 from reporting.month_cells_made where generation = ?)").param(generation)
                .query(Boolean.class).single();
    }

    /**
     * Makes the cells of the schema's generation now unless they are made, and deletes those older
     * than the one before (which a count just started may still read). One snapshot for the
     * generation, the codes in use and the facts.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    void make() {
        long generation = lockedGeneration();
        if (made(generation)) {
            return;
        }
        // the persons' cells and the month files are grouped in memory rather than in files on disk (a rebuild set
        // this for its whole transaction)
        jdbc.sql("set local work_mem = '64MB'").update();
        writeWithoutPersons(generation, "");
        writeWithPersons(generation);
    }

    /**
     * In a rebuild's transaction, which bumped the generation: the cells that need no person (the cases', the reports')
     * and the month files, written while its person rows are still written beside; {@link #makeWithPersons} ends them.
     * Returns the generation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long makeWithoutPersons() {
        return makeWithoutPersons("");
    }

    /**
     * {@link #makeWithoutPersons()} from the report and per-case facts under {@code <table><suffix>}: a rebuild's
     * tables read ahead, before they are put in place, while it waits for its person rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long makeWithoutPersons(String suffix) {
        long generation = lockedGeneration();
        writeWithoutPersons(generation, suffix);
        return generation;
    }

    /** In the same transaction, after {@link #makeWithoutPersons}: the persons' cells, the generation's cells made. */
    @Transactional(propagation = Propagation.MANDATORY)
    void makeWithPersons(long generation) {
        writeWithPersons(generation);
    }

    /** The schema's generation, with the lock that makes the cells of one generation at a time. */
    private long lockedGeneration() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('gugus.reporting.month-cells'))").query().singleRow();
        return jdbc.sql("select generation from reporting.generation").query(Long.class).single();
    }

    private void writeWithoutPersons(long generation, String suffix) {
        String cells = "insert into reporting.month_cell"
                + " (office, first_month, last_month, indicator, id, n, generation) select *, :generation from ("
                + FactCounts.CASE_AND_REPORT_MONTH_CELLS
                + ") c(office, first_month, last_month, indicator, id, n) where n > 0";
        for (String table : List.of("reporting.report_fact", "reporting.case_fact", "reporting.office_case_fact")) {
            cells = TablesBeside.reading(cells, table, table + suffix);
        }
        jdbc.sql(cells).param("generation", generation).update();
        jdbc.sql(TablesBeside.reading("""
                insert into reporting.month_file (generation, office, month, source_file_id)
                with m as (select distinct office, day_key >> 5 as month, source_file_id from reporting.report_fact )
                select :generation, office, month, source_file_id from m
                union
                select :generation, 0, month, source_file_id from m
                """, "reporting.report_fact", "reporting.report_fact" + suffix))
                .param("generation", generation).update();
    }

    private void writeWithPersons(long generation) {
        jdbc.sql("insert into reporting.month_cells_made (generation) values (?)").param(generation).update();
        // counted by a query the server runs on two processes, then inserted: under an insert the query ran on one
        // (at a million persons 2.4-2.5 s of the rebuild's end, alone, against 1.3-1.4 s; replayed, issue 13). The
        // cells (a few hundred at most) are read as two arrays, a value of each a cell, as an aggregate over them is
        // what the planner splits: the province's cells counted by one process, the offices' by the other. Estimated
        // at a row a person, the cells themselves it did not gather from two
        String workers = jdbc.sql("select current_setting('max_parallel_workers_per_gather')").query(String.class)
                .single();
        jdbc.sql("set local max_parallel_workers_per_gather = 1").update();
        List<PersonCell> cells = jdbc.sql("""
                select array_agg(array[office, first_month, last_month, id, n]::bigint[]), array_agg(indicator)
                  from (%s) c(office, first_month, last_month, indicator, id, n)
                 where n > 0
                """.formatted(FactCounts.monthCellsSql(IndicatorQueries.maskIds(jdbc))))
                .query((rs, row) -> PersonCell.of(rs.getArray(1), rs.getArray(2))).single();
        jdbc.sql("set local max_parallel_workers_per_gather = " + Integer.parseInt(workers)).update();
        jdbc.sql("""
                insert into reporting.month_cell (office, first_month, last_month, indicator, id, n, generation)
                select *, :generation
                  from unnest(:offices::smallint[], :first_months::integer[], :last_months::integer[],
                              :indicators::text[], :ids::integer[], :counts::bigint[])
                """).param("generation", generation)
                .param("offices", cells.stream().map(PersonCell::office).toArray(Short[]::new))
                .param("first_months", cells.stream().map(PersonCell::firstMonth).toArray(Integer[]::new))
                .param("last_months", cells.stream().map(PersonCell::lastMonth).toArray(Integer[]::new))
                .param("indicators", cells.stream().map(PersonCell::indicator).toArray(String[]::new))
                .param("ids", cells.stream().map(PersonCell::id).toArray(Integer[]::new))
                .param("counts", cells.stream().map(PersonCell::n).toArray(Long[]::new))
                .update();
        jdbc.sql("delete from reporting.month_cell where generation < ?").param(generation - 1).update();
        jdbc.sql("delete from reporting.month_file where generation < ?").param(generation - 1).update();
        jdbc.sql("delete from reporting.month_cells_made where generation < ?").param(generation - 1).update();
    }

    /** A cell of persons: the persons of an office (0: all) first and last reported in these months, by a code. */
    private record PersonCell(short office, int firstMonth, int lastMonth, String indicator, int id, long n) {

        /** The cells of two arrays aggregated together: their numbers (five a cell) and their indicators. */
        static List<PersonCell> of(Array numbers, Array indicators) throws SQLException {
            if (numbers == null) {
                return List.of();
            }
            Long[][] values = (Long[][]) numbers.getArray();
            String[] names = (String[]) indicators.getArray();
            List<PersonCell> cells = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                Long[] cell = values[i];
                cells.add(new PersonCell(cell[0].shortValue(), cell[1].intValue(), cell[2].intValue(), names[i],
                        cell[3].intValue(), cell[4]));
            }
            return cells;
        }
    }

    /** The first whole month of a period from this day on (0: from the first report). */
    static int firstMonth(LocalDate from) {
        if (from == null) {
            return 0;
        }
        return monthKey(from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1));
    }

    /** The last whole month of a period up to this day ({@link #LAST}: to the last report). */
    static int lastMonth(LocalDate to) {
        if (to == null) {
            return LAST;
        }
        return monthKey(to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusMonths(1));
    }

    /**
     * A period's days (open ends as the first and last day of the calendar) and its whole months
     * from {@code wholeFrom} to {@code wholeTo}: the days before {@code wholeFrom} and after
     * {@code wholeTo} are its partial months (a period without a whole month is all partial: from
     * {@code from} to {@code wholeFrom} excluded).
     */
    record WholeMonths(LocalDate from, LocalDate to, LocalDate wholeFrom, LocalDate wholeTo) {

        static WholeMonths of(ReportQuery query) {
            LocalDate from = query.from() == null ? LocalDate.of(1, 1, 1) : query.from();
            LocalDate to = query.to() == null ? LocalDate.of(9999, 12, 31) : query.to();
            int first = firstMonth(query.from());
            int last = lastMonth(query.to());
            if (first > last) {
                return new WholeMonths(from, to, to.plusDays(1), to);
            }
            LocalDate wholeFrom = query.from() == null ? from : firstDay(first);
            LocalDate wholeTo = query.to() == null ? to : firstDay(last).plusMonths(1).minusDays(1);
            return new WholeMonths(from, to, wholeFrom, wholeTo);
        }
    }

    /** The first day of a month key. */
    static LocalDate firstDay(int monthKey) {
        return LocalDate.of(1900 + (monthKey >> 4), monthKey & 15, 1);
    }

    /** A month as the key of {@code reporting.month_cell}: a day key shifted by 5, (year - 1900) << 4 | month. */
    static int monthKey(LocalDate date) {
        return (date.getYear() - 1900) << 4 | date.getMonthValue();
    }
}
