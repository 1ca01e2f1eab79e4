package org.gugus.reporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place of the reporting module that reads other modules' tables ({@code warehouse},
 * {@code persons}, {@code ingest}): set-based SQL that copies the facts of linked victim records
 * into the {@code reporting} schema, the victim records of {@code gugus export victims}, and the
 * names of the files behind figures. Only codes, dates and counts are copied: never a name, NIK,
 * address, village, birth place or note.
 */
@Repository
class WarehouseSource {

    /** The person a victim record belongs to now: a merged person's survivor. */
    private static final String PERSON = "coalesce(p.merged_into, vp.person_id)";

    /**
     * The persons merged into another, joined as {@code p} to the links {@code vp} where a record's person is looked
     * up for her survivor ({@code coalesce(p.merged_into, vp.person_id)}): every linked record's person exists, by the
     * links' foreign key, so only these are read, rather than every person hashed for the join (about 0.05 s of server
     * CPU per 100,000 rows, issue 13).
     */
    private static final String MERGED = """
            left join (select id, merged_into from persons.person where merged_into is not null) p
              on p.id = vp.person_id""";

    /**
     * A record's three code lists ({@code exploitation}, {@code recruitment}, {@code services}) as its case fields keep
     * them, each code once and ascending (the stage step writes them so, V095 wrote the older ones so), read as fields
     * of one row per record: {@code (codes.fields).exploitation} and the others, a list the row lacks or holds as null
     * empty; a record that keeps a {@code case_row} instead (V107) has it read as that row. Read as fields of the row
     * rather than from {@code jsonb} ({@code jsonb_to_record}), a first load's 100,000 records' lists took 0.05 s of the
     * server against 0.16 s (replayed, issue 13). Read
     * through {@code warehouse.victim_codes} and sorted again, one subquery and sort per list, the code lists of a
     * first load's 100,000 records took 0.53-0.71 s of the server against 0.20-0.22 s (replayed, issue 13); joining the
     * views {@code warehouse.victim_exploitation} and the others grouped by record was slower still.
     */
    private static final String CODE_LISTS = "cross join lateral (select coalesce(v.case_fields,"
            + " jsonb_populate_record(null::warehouse.case_row_fields, v.case_row)) as fields) codes";

    /**
     * A statement with each record's three code lists ({@link #CODE_LISTS}) where it names them in capitals, read where
     * it says {@code CODE_LISTS}.
     */
    private static String withCodes(String statement) {
        return statement.replace("CODE_LISTS", CODE_LISTS)
                .replace("EXPLOITATION", "coalesce((codes.fields).exploitation, '{}')")
                .replace("RECRUITMENT", "coalesce((codes.fields).recruitment, '{}')")
                .replace("SERVICES", "coalesce((codes.fields).services, '{}')");
    }

    /** The reports: {@code %1$s} the person, {@code %2$s} a condition on the records read. */
    private static final String REPORTS = withCodes("""
            insert into reporting.report (victim_id, person_id, office_code, case_id, case_number, report_date, sex,
                   birth_date, birth_year, age, age_at_report, origin_regency_code, origin_province_code, citizenship,
                   citizenship_country, destination_country, case_stage, exploitation, recruitment, services, source_file_id)
            select v.id, %1$s, v.office_code, c.id, c.case_number, c.report_date, v.sex,
                   v.birth_date, extract(year from v.birth_date), v.age,
                   coalesce(extract(year from age(c.report_date, v.birth_date))::integer, v.age),
                   v.origin_regency_code, left(v.origin_regency_code, 2), v.citizenship,
                   v.citizenship_country, v.destination_country, c.case_stage,
                   EXPLOITATION, RECRUITMENT, SERVICES, v.source_file_id
              from persons.victim_person vp
              join persons.person p on p.id = vp.person_id
              join warehouse.victim v on v.id = vp.victim_id
              join warehouse.tppo_case c on c.id = v.case_id
              CODE_LISTS
             where %2$s
            """);

    /**
     * The reports of the persons {@code :ids} into the table {@code %2$s}, each record's codes read from its row
     * ({@link #CODE_LISTS}), the person {@code %1$s}.
     */
    private static final String REPORTS_OF_SOME = withCodes("""
            insert into %2$s (victim_id, person_id, office_code, case_id, case_number, report_date, sex,
                   birth_date, birth_year, age, age_at_report, origin_regency_code, origin_province_code, citizenship,
                   citizenship_country, destination_country, case_stage, exploitation, recruitment, services, source_file_id)
            with vp as materialized (select victim_id, person_id from persons.victim_person where person_id = any(:ids))
            select v.id, %1$s, v.office_code, c.id, c.case_number, c.report_date, v.sex,
                   v.birth_date, extract(year from v.birth_date), v.age,
                   coalesce(extract(year from age(c.report_date, v.birth_date))::integer, v.age),
                   v.origin_regency_code, left(v.origin_regency_code, 2), v.citizenship,
                   v.citizenship_country, v.destination_country, c.case_stage,
                   EXPLOITATION, RECRUITMENT, SERVICES, v.source_file_id
              from vp
              join warehouse.victim v on v.id = vp.victim_id
              join warehouse.tppo_case c on c.id = v.case_id
              CODE_LISTS
            """);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    /** Reads large results in slices (inside a transaction) instead of whole. */
    private final JdbcClient streaming;

    WarehouseSource(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2000);
        this.streaming = JdbcClient.create(template);
    }

    /**
     * Copies the victim records of these persons into {@code reporting.report}, after their old
     * rows were deleted; give the persons merged into them too ({@link #withMerged}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void copyReportsOf(Long[] personsWithMerged) {
        copyReportsOf(personsWithMerged, "reporting.report");
    }

    /** The same rows into another table of the same columns (a refresh's fresh copy to compare with). */
    @Transactional(propagation = Propagation.MANDATORY)
    void copyReportsOf(Long[] personsWithMerged, String table) {
        // the person looked up by her id for each record: joined, the planner read every person for a few thousand
        jdbc.sql(REPORTS_OF_SOME.formatted(
                "coalesce((select p.merged_into from persons.person p where p.id = vp.person_id), vp.person_id)", table))
                .param("ids", personsWithMerged).update();
    }

    /**
     * These persons and the persons merged into them: one scan of the persons (no index on
     * merged_into) instead of joining every victim record to its person.
     */
    Long[] withMerged(Collection<Long> personIds) {
        Long[] ids = personIds.toArray(Long[]::new);
        Set<Long> all = new TreeSet<>(personIds);
        all.addAll(jdbc.sql("select id from persons.person where merged_into = any(:ids)").param("ids", ids)
                .query(Long.class).list());
        return all.toArray(Long[]::new);
    }

    /**
     * The persons reported with a case of these victim records, as their case is now or as it was
     * copied: a report carries its case's number, date and stage, which a row of any record of the
     * case may change. Persons not reported yet are refreshed when they are linked.
     */
    List<Long> caseMatesOf(Long[] victims) {
        return jdbc.sql("""
                select distinct r.person_id from reporting.report r
                 where r.case_id = any(array(select v.case_id from warehouse.victim v where v.id = any(:victims)
                                             union select m.case_id from reporting.report m where m.victim_id = any(:victims)))
                """).param("victims", victims).query(Long.class).list();
    }

    /** The victim records linked to these persons now, by id (through the index on person). */
    Long[] victimsOf(Long[] personIds) {
        return jdbc.sql("select victim_id from persons.victim_person where person_id = any(:ids)").param("ids", personIds)
                .query(Long.class).list().toArray(Long[]::new);
    }

    /**
     * Copies every linked victim record into {@code reporting.report}, emptied in the caller's transaction:
     * the rows are read on connections of their own and streamed, in PostgreSQL's binary format, into
     * {@code COPY … FREEZE} on the transaction's connection. COPY writes a page of rows at a time where
     * {@code insert … select} wrote row by row: at 100,000 records the insert took 2.1-2.3 s of server CPU in
     * one process, the copy 0.3-0.5 s in one and its read 0.8 s in the other (warm caches, measured back to
     * back in one rolled-back transaction). The read, the larger part, is split in two halves of the records'
     * ids read at once by two server processes on one snapshot: the first half is copied as it comes, the
     * second kept in a temporary file meanwhile and copied after it, so the second core shares the read.
     * The warehouse and persons read are committed (a refresh follows their commit), as the insert read them;
     * the rows are frozen, since no transaction can see the emptied table before this one commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void copyAllReports() {
        String insert = REPORTS.formatted(PERSON, "true");
        String columns = insert.substring(insert.indexOf('(') + 1, insert.indexOf(')'));
        String[] names = Arrays.stream(columns.split(",")).map(String::strip).toArray(String[]::new);
        // binary COPY takes each column in the table's exact type: the read casts to it, as the catalogue says
        String typed = jdbc.sql("""
                select string_agg(quote_ident(attname) || '::' || format_type(atttypid, atttypmod), ', '
                                  order by array_position(:names, attname::text))
                  from pg_attribute
                 where attrelid = 'reporting.report'::regclass and attnum > 0 and not attisdropped
                   and attname::text = any(:names)
                """).param("names", names).query(String.class).single();
        // the middle of the records' ids (from the key's ends): the halves hold about as many records each
        long middle = jdbc.sql("select coalesce((min(id) + max(id)) / 2, 0) from warehouse.victim").query(Long.class)
                .single();
        String firstHalf = "victim_id <= " + middle;
        String secondHalf = "victim_id > " + middle;
        String write = "copy reporting.report (" + String.join(", ", names) + ") from stdin (format binary, freeze)";
        Connection writer = DataSourceUtils.getConnection(dataSource);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            // both halves of the same moment of the warehouse, as one statement read them
            repeatableRead(second, repeatableRead(first, null));
            FutureTask<FileChannel> spooled = new FutureTask<>(() -> spool(second, read(typed, names, secondHalf)));
            Thread spooler = new Thread(spooled, "reporting-reports-read");
            spooler.setDaemon(true);
            spooler.start();
            FileChannel rest = null;
            try {
                copy(first, read(typed, names, firstHalf), writer, write);
                rest = spooled.get();
                writer.unwrap(PGConnection.class).getCopyAPI().copyIn(write, Channels.newInputStream(rest), 1 << 16);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Reports not copied from the warehouse: interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Reports not copied from the warehouse: " + e.getCause().getMessage(),
                        e.getCause());
            } finally {
                // a failed first half leaves the second's read to end before its connection is given back
                if (!spooled.isDone()) {
                    cancel(second);
                }
                try {
                    rest = rest != null ? rest : spooled.get();
                } catch (InterruptedException | ExecutionException ignored) {
                    // its failure, if any, is the first half's consequence or reported above
                }
                if (rest != null) {
                    rest.close();
                }
                first.rollback();
                second.rollback();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Reports not copied from the warehouse: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(writer, dataSource);
        }
    }

    /**
     * On this connection: whether the newest victim record of the warehouse (the highest id) has a report, as it
     * has after every publish that inserted none; false when the warehouse holds none. Two index probes.
     */
    static boolean newestReported(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet newest = statement.executeQuery("""
                        select exists (select 1 from reporting.report
                                        where victim_id = (select max(id) from warehouse.victim))
                        """)) {
            newest.next();
            return newest.getBoolean(1);
        }
    }

    /**
     * On this connection: the warehouse's mark ({@link #MARK}) as it is now, how many persons the reporting schema
     * holds, and how many victim records of the warehouse have no report yet (nearly all after a first load's publish,
     * none after a re-delivery's), counted newest first up to {@code enough} or the persons, whichever is more: what
     * tells whether there are at least as many as either (every record and every report were counted before: at a
     * million, 0.65 s of the server's CPU beside the persons' run).
     */
    static Unreported unreported(Connection connection, long enough) throws SQLException {
        String mark;
        long persons;
        try (Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("select (" + MARK + "),"
                        + " (select count(*) from reporting.person)")) {
            counts.next();
            mark = counts.getString(1);
            persons = counts.getLong(2);
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) from (select 1 from warehouse.victim v
                                       where not exists (select 1 from reporting.report r where r.victim_id = v.id)
                                       order by v.id desc limit ?) unreported
                """)) {
            statement.setLong(1, Math.max(enough, persons));
            try (ResultSet records = statement.executeQuery()) {
                records.next();
                return new Unreported(records.getLong(1), persons, mark);
            }
        }
    }

    /**
     * What {@link #unreported} found: records without a report (up to the number it was asked for), the reporting
     * schema's persons, the mark.
     */
    record Unreported(long records, long persons, String mark) {
    }

    /**
     * Reads the report of every victim record of the warehouse into {@code table} (a table like
     * {@code reporting.report}) on this connection, in its open transaction, before the records' persons
     * are resolved: each with the person its record is expected to have, the one it is linked to already (or the
     * one she was merged into), else its own id, as a new person is numbered by her first record. The rebuild
     * corrects those that came out otherwise ({@link ReportsInPlace}). Returns how many it read.
     */
    static long readAhead(Connection connection, String table) throws SQLException {
        String insert = REPORTS.formatted("coalesce(p.merged_into, vp.person_id, v.id)", "true")
                .replace("insert into reporting.report", "insert into " + table)
                .replace("""
                          from persons.victim_person vp
                          join persons.person p on p.id = vp.person_id
                          join warehouse.victim v on v.id = vp.victim_id
                        """, """
                          from warehouse.victim v
                          left join persons.victim_person vp on vp.victim_id = v.id
                        %s
                        """.formatted(MERGED));
        if (!insert.contains("from warehouse.victim v\n")) {
            throw new IllegalStateException("The reports' read no longer starts from the linked records");
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(insert);
        }
    }

    /**
     * A mark of what the reports read depend on: the notes of the statements that wrote records or cases
     * ({@code warehouse.change_note}, V110), their count and the sum of their numbers, which any publish, correction or
     * deletion of records or cases committed since moves. Taken before the reports are read ahead ({@link #unreported})
     * and again before they are copied ({@link #aheadIsWhole}), it tells a change made between the two by another
     * process, whose own refresh may have run before the copy. It was a pass over the records (their count, versions
     * and latest updates), twice a first load: at a million records 781 MB, about a second of the rebuild (issue 13).
     */
    private static final String MARK = "select count(*) || ':' || coalesce(sum(id), 0) from warehouse.change_note";

    /**
     * Keeps the notes the mark counts ({@link #MARK}) few: those older than the latest 10,000 (a few a load) dropped,
     * on the connection that then takes the mark, in its transaction. A rebuild whose reports were read ahead under an
     * older mark finds it moved, and reads the warehouse itself: call only while no other read ahead is pending.
     */
    static void forgetOldChanges(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from warehouse.change_note"
                    + " where id <= (select max(id) - 10000 from warehouse.change_note)");
        }
    }

    /**
     * Whether the {@code rows} reports read ahead on {@code reader} are the reports a rebuild would read now: the
     * warehouse's mark is still {@code mark}, the one taken before the read, so its records are those read (nothing
     * published, corrected or deleted since); and as many records are linked, so that each of them is (a link's record
     * is one of the warehouse's, by its key and foreign key): a record published or unlinked since, or left pending, is
     * not. Counting the links joined with the reports read ahead told the same: at a million records the check took
     * 0.9-1.0 s so, on one process while the other core idled, against 0.1-0.2 s (issue 13).
     */
    static boolean aheadIsWhole(Connection reader, long rows, String mark) throws SQLException {
        try (Statement statement = reader.createStatement();
                ResultSet whole = statement.executeQuery(
                        "select (select count(*) from persons.victim_person) = %d, (%s)".formatted(rows, MARK))) {
            whole.next();
            return whole.getBoolean(1) && mark.equals(whole.getString(2));
        }
    }

    /**
     * The records whose report read ahead can name another person than hers now, with her person now
     * ({@code pg_temp.reporting_moved}, dropped at the commit): those whose person, as linked now or the person hers
     * was merged into, is numbered otherwise than the record (at a million first-loaded records about 36,000, the
     * records of persons of several), and those read under another's person that is her own now. Only the persons
     * merged into another are looked up ({@link #MERGED}).
     */
    private static final String MOVED = "pg_temp.reporting_moved";

    /**
     * On this connection, in its open transaction: the reports read ahead into {@code reports} and their facts in
     * {@code facts} given the person of their record now, where it came out otherwise than expected (a record that
     * joined another's person, a number held already, a person merged into another). Returns how many reports were
     * corrected (their facts, one a report, counted). Once corrected, the rows read ahead name every record's person
     * themselves: the person rows and per-person facts are written from them without joining the links again.
     * <p>
     * The records that can be wrong ({@link #MOVED}) are found first, kept and analysed, then joined with the
     * reports: planned as one statement they were estimated as many as the links, and both the reports and their
     * facts were hashed whole to correct a few percent of them (at a million records 2.3-3.0 s, on one process,
     * against 1.5-2.1 s; issue 13). {@link #severalLinked} reads them after.
     */
    static long correctAhead(Connection connection, String reports, String facts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temp table reporting_moved on commit drop as
                    select victim_id, person_id
                      from (select vp.victim_id, coalesce(p.merged_into, vp.person_id) person_id
                              from persons.victim_person vp
                            %s) linked
                     where person_id <> victim_id
                    """.formatted(MERGED));
            // read under another's person, her own now
            statement.execute("""
                    insert into %1$s
                    select a.victim_id, a.victim_id from %2$s a
                     where a.person_id <> a.victim_id
                       and not exists (select 1 from %1$s m where m.victim_id = a.victim_id)
                    """.formatted(MOVED, reports));
            statement.execute("analyze " + MOVED);
            return statement.executeLargeUpdate("""
                    with corrected as (
                        update %1$s a set person_id = m.person_id from %3$s m
                         where a.victim_id = m.victim_id and a.person_id <> m.person_id
                        returning a.victim_id, a.person_id)
                    update %2$s f set person_id = corrected.person_id from corrected
                     where f.victim_id = corrected.victim_id
                    """.formatted(reports, facts, MOVED));
        }
    }

    /**
     * On this connection, in its open transaction, after {@link #correctAhead}: the linked records whose person, as
     * linked now (or the person hers was merged into), has more than one, by id: what tells the persons of several
     * reports from those of one without grouping every report by person
     * ({@link ReportingRefresh#personsFrom(String, String, String)}). A person of two records or more has one numbered
     * otherwise than her at least, one of those the correction found ({@link #MOVED}): her records are those and, when
     * it is linked to her, the record of her own number. Counted from those alone, at a million records about 35,000
     * persons of 71,000 records, rather than from every link (0.6-0.7 s of the server, the links read again after the
     * correction read them; before, every record counted by person, 1.3-1.4 s).
     */
    static long[] severalLinked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet records = statement.executeQuery("""
                        with persons as (
                            select person_id, count(*) others from %1$s
                             where person_id <> victim_id
                             group by person_id),
                        numbering as (
                            select p.person_id from persons p
                             where exists (select 1 from persons.victim_person vp where vp.victim_id = p.person_id)
                               and not exists (select 1 from %1$s o
                                                where o.victim_id = p.person_id and o.person_id <> o.victim_id))
                        select m.victim_id from %1$s m join persons p using (person_id)
                         where m.person_id <> m.victim_id
                           and (p.others > 1 or p.person_id in (select person_id from numbering))
                        union all
                        select person_id from numbering
                        """.formatted(MOVED))) {
            LongStream.Builder ids = LongStream.builder();
            while (records.next()) {
                ids.add(records.getLong(1));
            }
            return ids.build().toArray();
        }
    }

    /** The read of the reports of the records of {@code half} (a condition on a victim id), cast to the table's types. */
    private static String read(String typed, String[] names, String half) {
        String records = half.replace("victim_id", "vp.victim_id") + " and " + half.replace("victim_id", "v.id");
        String insert = REPORTS.formatted(PERSON, records);
        return "copy (select " + typed + " from (" + insert.substring(insert.indexOf("select v.id")) + ") r("
                + String.join(", ", names) + ")) to stdout (format binary)";
    }

    /**
     * Begins a read-only transaction that keeps one snapshot on this connection: the one it exports, or
     * {@code snapshot} (another's exported one) when given. Returns the exported one.
     */
    private static String repeatableRead(Connection connection, String snapshot) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            if (snapshot != null) {
                statement.execute("set transaction snapshot '" + snapshot + "'");
                return snapshot;
            }
            try (ResultSet exported = statement.executeQuery("select pg_export_snapshot()")) {
                exported.next();
                return exported.getString(1);
            }
        }
    }

    /** Streams the rows that {@code read} gives on {@code reader} into {@code write} on {@code writer}. */
    private static void copy(Connection reader, String read, Connection writer, String write) throws SQLException {
        CopyIn in = writer.unwrap(PGConnection.class).getCopyAPI().copyIn(write);
        CopyOut out = null;
        try {
            out = reader.unwrap(PGConnection.class).getCopyAPI().copyOut(read);
            byte[] rows;
            while ((rows = out.readFromCopy()) != null) {
                in.writeToCopy(rows, 0, rows.length);
            }
            in.endCopy();
        } finally {
            // a failed copy leaves neither connection in the middle of one (the transaction rolls back)
            if (out != null && out.isActive()) {
                out.cancelCopy();
            }
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * The rows that {@code read} gives on {@code reader}, in a temporary file, returned open and at its
     * start. Deleted on close: on Linux the JDK unlinks it as soon as it is open (it stays readable
     * through the channel), so not even a killed process leaves it behind.
     */
    private static FileChannel spool(Connection reader, String read) throws SQLException, IOException {
        Path file = Files.createTempFile("gugus-reports", ".copy");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            OutputStream rows = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            reader.unwrap(PGConnection.class).getCopyAPI().copyOut(read, rows);
            rows.flush();
            channel.position(0);
            return channel;
        } catch (SQLException | IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Cancels what runs on this connection (a read whose rows are no longer wanted). */
    private static void cancel(Connection connection) {
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // the read ends by itself; its connection is given back then
        }
    }

    /** The persons that these persons were merged into, if any. */
    List<Long> survivorsOf(Collection<Long> personIds) {
        return jdbc.sql("select distinct merged_into from persons.person where id = any(:ids) and merged_into is not null")
                .param("ids", personIds.toArray(Long[]::new)).query(Long.class).list();
    }

    /** The names of received files as they arrived, by id. */
    Map<Long, SourceFile> files(Collection<Long> fileIds) {
        Map<Long, SourceFile> files = new LinkedHashMap<>();
        jdbc.sql("""
                select id, office_code, original_name, received_at::text from ingest.received_file
                 where id = any(:ids) order by id
                """).param("ids", fileIds.toArray(Long[]::new))
                .query((rs, n) -> new SourceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(file -> files.put(file.id(), file));
        return files;
    }

    /**
     * Every victim record of the warehouse (of one office when given), in office, case and row
     * order, with its person (none while the record is not linked yet), its file's name as it
     * arrived, sheet and row: the rows of {@code gugus export victims}. No name, NIK or address.
     */
    @Transactional(readOnly = true)
    void victimRecords(String office, Consumer<VictimRecord> each) {
        streaming.sql(withCodes("""
                select coalesce(p.merged_into, vp.person_id), v.office_code, c.case_number, f.original_name, v.source_sheet,
                       v.source_row, v.sex, extract(year from v.birth_date)::integer,
                       coalesce(extract(year from age(c.report_date, v.birth_date))::integer, v.age), v.origin_regency_code,
                       EXPLOITATION, v.destination_country, c.case_stage, c.report_date
                  from warehouse.victim v
                  join warehouse.tppo_case c on c.id = v.case_id
                  CODE_LISTS
                  join ingest.received_file f on f.id = v.source_file_id
                  left join persons.victim_person vp on vp.victim_id = v.id
                  left join persons.person p on p.id = vp.person_id
                 where cast(:office as text) is null or v.office_code = :office
                 order by v.office_code, c.case_number, v.source_file_id, v.source_sheet, v.source_row, v.id
                """)).param("office", office)
                .query(rs -> {
                    each.accept(new VictimRecord((Long) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), (Integer) rs.getObject(8),
                            (Integer) rs.getObject(9), rs.getString(10), codes(rs.getArray(11)), rs.getString(12),
                            rs.getString(13), rs.getObject(14, LocalDate.class)));
                });
    }

    private static List<String> codes(Array array) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (Object code : (Object[]) array.getArray()) {
            codes.add((String) code);
        }
        return codes;
    }

    /** A file behind figures: its id, office and name as it arrived. */
    record SourceFile(long id, String officeCode, String name, String receivedAt) {
    }
}
