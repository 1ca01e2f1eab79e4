package org.gugus.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An office's row hashes: its partition of {@code warehouse.victim_row_hash} (V112). Statements read and write
 * the table itself, naming the office; a writer makes sure the office has its partition first ({@link #ensure}).
 * An office's first delivery writes its partition as a table of its own transaction, builds its key after the
 * rows and attaches it whole ({@link #writeFirst}): a million rows and their key entries written into the table of
 * every office took 3.6-4.5 s replayed, the same rows into a table of their own 1.2 s and its key 0.4 s (the
 * server logs neither, under its minimal write-ahead log, and syncs the table's file at the commit; issue 13).
 * <p>
 * Both write under the office's publish lock ({@link OfficeLock}): one transaction at a time makes an office's
 * partition. A first delivery holds the records' lock besides ({@link OfficeIdentityIndex#lockForFirstDelivery}), and
 * attaching waits only for another attach; readers and writers of other offices' partitions go on.
 */
record OfficeRowHashes(String officeCode) {

    OfficeRowHashes {
        // its partition's name and the partition's bound are written into statements
        OfficeIdentityIndex.requireRegencyCode(officeCode);
    }

    /** The partition's name, as {@code warehouse.office_row_hashes_name} gives it. */
    String partition() {
        return "victim_row_hash_" + officeCode.replace('.', '_');
    }

    /** Makes the office's partition, empty, unless it has one. */
    void ensure(JdbcClient jdbc) {
        jdbc.sql("select warehouse.office_row_hashes(?)").param(officeCode).query(String.class).single();
    }

    /**
     * Writes the hashes that {@code select} gives (the columns of {@code warehouse.victim_row_hash} in order) in an
     * office's first delivery: into a partition of its own when the office has none yet (its key built after the
     * rows, then attached), else into the table. Returns how many.
     */
    int writeFirst(JdbcClient jdbc, String select, Object... params) {
        String table = "warehouse." + partition();
        boolean exists = jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
        if (exists) {
            return jdbc.sql("insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash,"
                    + " received_on) " + select).params(params).update();
        }
        // the bound checked as the rows go in, so that attaching them need not read them again
        jdbc.sql("create table " + table + " (like warehouse.victim_row_hash including defaults, check (office_code = '"
                + officeCode + "'))").update();
        int written = jdbc.sql("insert into " + table + " (office_code, victim_id, prefix, row_hash, received_on) "
                + select).params(params).update();
        // a million keys sorted in memory, as the office's identity index's (OfficeIdentityIndex#build)
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        jdbc.sql("alter table " + table + " add primary key (office_code, victim_id)").update();
        jdbc.sql("alter table warehouse.victim_row_hash attach partition " + table + " for values in ('" + officeCode
                + "')").update();
        return written;
    }
}
