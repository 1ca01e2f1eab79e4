package org.gugus.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes of one office take turns: each takes a transaction-scoped PostgreSQL advisory lock on
 * its office before it plans, so the second plans against what the first committed (an insert
 * then an update, never two inserts of one identity). Held until the publishing transaction ends;
 * it pins no connection beyond it and holds across Gugus instances on one database.
 */
final class OfficeLock {

    private static final int NAMESPACE = 0x7075_626c;   // "publ"

    private OfficeLock() {
    }

    static void hold(JdbcClient jdbc, String officeCode) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(NAMESPACE, officeCode).query().singleRow();
    }
}
