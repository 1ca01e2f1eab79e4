package org.gugus.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warehouse's victim records as record linkage ({@code persons}) reads them: the records still
 * to resolve, records by id, and all of them, streamed. The only queries of warehouse tables the
 * persons module makes.
 */
@Component
public class LinkableVictims {

    private static final String COLUMNS = """
            select v.id, v.version, v.office_code, c.case_number, c.report_date, v.victim_name, v.nik, v.sex,
                   v.birth_date, v.age, v.birth_place, v.origin_regency, v.origin_regency_code,
                   v.origin_district_code, v.origin_village_code, v.address
              from warehouse.victim v
              join warehouse.tppo_case c on c.id = v.case_id
            """;

    /**
     * What {@link #forEachUnresolvedLinkageDigest} digests: the values linkage reads as one row's text (a composite
     * value's output, each value in its own output: one text for one set of values).
     */
    private static final String LINKAGE_VALUES = """
            row(v.office_code, c.case_number, v.victim_name, v.nik, v.sex, v.birth_date, v.age, c.report_date,
                v.birth_place, v.origin_regency_code, v.origin_district_code, v.origin_village_code, v.address)::text""";

    private final JdbcClient jdbc;

    LinkableVictims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records not resolved into persons yet, or changed since (their version differs from the one
     * resolved), one at a time in id order: the persons module lists the records inserted or updated in
     * {@code persons.pending_listed} (V111) and keeps the resolved versions in {@code persons.victim_person}.
     * Fetched a chunk at a time, so a load's 100,000 rows are not all held as the driver's rows while
     * they are taken (in a transaction only; outside one the driver reads all).
     */
    public void forEachUnresolved(Consumer<LinkableVictim> action) {
        jdbc.sql(COLUMNS + """
                 where v.id in (select victim_id from persons.pending_listed)
                   and not exists (select 1 from persons.victim_person p where p.victim_id = v.id and p.victim_version = v.version)
                 order by v.id
                """).withFetchSize(10_000).query(rs -> {
                    action.accept(victim(rs, 0));
                });
    }

    /**
     * The records {@link #forEachUnresolved} gives, in id order, each as its id, its version and the MD5 of the
     * values record linkage reads instead of the values: the office, the case's number, the name, the NIK, the sex,
     * the birth date, the age, the case's report date, the birth place, the origin's regency, district and village
     * codes and the address, in that order, as the text of a row of them ({@code (64.72,TPPO/1,"Siti Aminah",,P,...)}: each value
     * as the driver reads it, {@code char} columns padded, dates in ISO; a null as nothing, an empty text and a
     * value holding a quote, a backslash, a parenthesis, a comma or white space quoted, its quotes and backslashes
     * doubled), in the server's encoding. A reader holding the values already (a first load's rows read as they were
     * staged) tells by it which records it need not read. A value written otherwise than a reader writes it only
     * gives another digest: never a record taken for another's. A server in FIPS mode refuses {@code md5}: the statement
     * fails, and the caller reads the records whole.
     */
    public void forEachUnresolvedLinkageDigest(LinkageDigestRow action) {
        jdbc.sql("""
                select v.id, v.version, decode(md5(%s), 'hex') as digest
                  from warehouse.victim v
                  join warehouse.tppo_case c on c.id = v.case_id
                 where v.id in (select victim_id from persons.pending_listed)
                   and not exists (select 1 from persons.victim_person p where p.victim_id = v.id and p.victim_version = v.version)
                 order by v.id
                """.formatted(LINKAGE_VALUES)).withFetchSize(10_000).query(rs -> {
                    action.accept(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                });
    }

    /** One row of {@link #forEachUnresolvedLinkageDigest}: a record's id, version and linkage values' digest. */
    @FunctionalInterface
    public interface LinkageDigestRow {
        void accept(long id, int version, byte[] digest);
    }

    /** The records of these ids that exist. */
    public List<LinkableVictim> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where v.id = any(?) order by v.id").param(ids.toArray(Long[]::new))
                .query(LinkableVictims::victim).list();
    }

    /** Every record, in id order, one at a time (a million fit in memory only as the caller keeps them). */
    public void forEach(Consumer<LinkableVictim> action) {
        jdbc.sql(COLUMNS + " order by v.id").withFetchSize(10_000).query(rs -> {
            action.accept(victim(rs, 0));
        });
    }

    /** How many victim records the warehouse holds. */
    public long count() {
        return jdbc.sql("select count(*) from warehouse.victim").query(Long.class).single();
    }

    private static LinkableVictim victim(ResultSet rs, int n) throws SQLException {
        int age = rs.getInt("age");
        Integer ageOrNull = rs.wasNull() ? null : age;
        return new LinkableVictim(rs.getLong("id"), rs.getInt("version"), rs.getString("office_code"),
                rs.getString("case_number"), rs.getObject("report_date", LocalDate.class), rs.getString("victim_name"),
                rs.getString("nik"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), ageOrNull,
                rs.getString("birth_place"), rs.getString("origin_regency"), rs.getString("origin_regency_code"),
                rs.getString("origin_district_code"), rs.getString("origin_village_code"), rs.getString("address"));
    }
}
