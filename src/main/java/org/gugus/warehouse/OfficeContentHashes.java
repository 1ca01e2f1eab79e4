package org.gugus.warehouse;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A content hash of an office's victim records, which tells the function its records' hashes were made
 * by: a SHA-256 one when ANY of the office's records carries SHA-256 (a stored hash that does not begin
 * with {@code m}), else one of MurmurHash3. Whether one does is asked of the index of the records still
 * hashed by SHA-256 (V099), with the office written as a literal, as the office's identity index is
 * ({@link OfficeIdentityIndex}): one probe, whichever record of the office comes first, where one record
 * probed by identity key told the function only while every record of the office shared it.
 */
@Component
public class OfficeContentHashes {

    private final JdbcClient jdbc;

    OfficeContentHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A SHA-256 content hash of the office's records if any carries one, else the content hash of its first
     * record by identity key; empty when it has none.
     */
    public Optional<String> any(String officeCode) {
        OfficeIdentityIndex office = new OfficeIdentityIndex(officeCode);
        return jdbc.sql("select hash from (select coalesce((select v.content_hash from warehouse.victim v where " + office.records("v")
                        + " and v.content_hash < 'm' limit 1), (select v.content_hash from warehouse.victim v where "
                        + office.records("v") + " order by v.identity_key limit 1)) as hash) office where hash is not null")
                .query(String.class).optional();
    }
}
