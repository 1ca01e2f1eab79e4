package org.gugus.warehouse;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The unique key of an office's records: a partial unique index of {@code warehouse.victim} on
 * {@code identity_key} where {@code office_code} is the office (V098), one per office holding records.
 * An office's first delivery inserts its records without one and builds its index after them, in its own
 * transaction: the entries put one by one into a key of every office's records were a third to a half of
 * that insert's CPU (issue 13, publish21).
 * <p>
 * The office is written into the statements as a literal: the planner proves a partial index's predicate
 * from a constant only, so a look-up with the office bound would scan the table under a cached generic plan,
 * and an upsert could not name the index as its arbiter. It is a regency code, checked here, never user text.
 */
record OfficeIdentityIndex(String officeCode) {

    private static final Pattern REGENCY_CODE = Pattern.compile("\\d{2}\\.\\d{2}");

    OfficeIdentityIndex {
        requireRegencyCode(officeCode);
    }

    /** Refuses what is not a regency office's code, which statements of the office's own tables are written with. */
    static void requireRegencyCode(String officeCode) {
        if (officeCode == null || !REGENCY_CODE.matcher(officeCode).matches()) {
            throw new IllegalArgumentException("Not a regency office's code: " + officeCode);
        }
    }

    /** The index's name, as V098 names it. */
    String name() {
        return "victim_identity_" + officeCode.replace('.', '_');
    }

    /** The office's records among {@code warehouse.victim}'s under the alias, matching the index's predicate. */
    String records(String alias) {
        return alias + "." + predicate();
    }

    /** An upsert's arbiter: the office's index. */
    String conflictTarget() {
        return "(identity_key) where " + predicate();
    }

    private String predicate() {
        return "office_code = '" + officeCode + "'";
    }

    /** The id of the office's record of this identity, if it has one. */
    Optional<Long> recordOf(JdbcClient jdbc, String identityKey) {
        return jdbc.sql("select v.id from warehouse.victim v where " + records("v") + " and v.identity_key = ?")
                .param(identityKey).query(Long.class).optional();
    }

    /**
     * Whether the office holds a record or a case. Every office holding records has its index, and a
     * record's case is of its office: neither look-up scans the records of other offices, which a look-up
     * of the office's records would for an office without an index.
     */
    boolean officeHoldsRecords(JdbcClient jdbc) {
        return jdbc.sql("select to_regclass(?) is not null or exists (select 1 from warehouse.tppo_case where office_code = ?)")
                .params("warehouse." + name(), officeCode).query(Boolean.class).single();
    }

    /**
     * Before a first delivery's insert: writers of other offices' records wait until it commits, and a second
     * first delivery waits for this one. Building the index takes {@code share}, which a writer's
     * {@code row exclusive} conflicts with; a first delivery taking {@code share} only after its own insert
     * would deadlock with another one doing the same, so it takes the self-conflicting lock first.
     * Readers go on.
     */
    static void lockForFirstDelivery(JdbcClient jdbc) {
        jdbc.sql("lock table warehouse.victim in share row exclusive mode").update();
    }

    /** Builds the office's index over its records, after a first delivery's insert, under its lock. */
    void build(JdbcClient jdbc) {
        // a million keys sorted in memory, as the publish's own sorts are (work_mem, WarehousePublisher)
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        jdbc.sql("create unique index if not exists " + name() + " on warehouse.victim (identity_key) where "
                + predicate()).update();
    }

    /**
     * Before an upsert of the office's records: builds its index when the office has none yet (a correction
     * of a rejected row of an office whose every row was rejected), so that the upsert has its arbiter.
     */
    void ensure(JdbcClient jdbc) {
        boolean exists = jdbc.sql("select to_regclass(?) is not null").param("warehouse." + name())
                .query(Boolean.class).single();
        if (!exists) {
            lockForFirstDelivery(jdbc);
            build(jdbc);
        }
    }
}
