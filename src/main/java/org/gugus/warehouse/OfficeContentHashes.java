package org.gugus.warehouse;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The content hash of one of an office's victim records, which tells the function its records'
 * hashes were made by (they all share one: a row is hashed by the function its office's records
 * carry). Always the same record while the office's records stand, the first by identity key: one
 * step of the office's identity index ({@link OfficeIdentityIndex}, the office written as its
 * predicate is), not a scan of the office's records.
 */
@Component
public class OfficeContentHashes {

    private final JdbcClient jdbc;

    OfficeContentHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hash of the office's first record by identity key; empty when it has none. */
    public Optional<String> any(String officeCode) {
        return jdbc.sql("select v.content_hash from warehouse.victim v where "
                        + new OfficeIdentityIndex(officeCode).records("v") + " order by v.identity_key limit 1")
                .query(String.class).optional();
    }
}
