package org.gugus.access;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the audit log: who did what, when, from where, and to how many rows with personal data.
 *
 * @param user    an account name, or {@code os:<user>} for the command line
 * @param channel {@code HTTP} or {@code CLI}
 * @param target  the endpoint or command, the account or row changed
 * @param rows    how many rows with names or NIKs the action returned or changed
 * @param rowIds  which rows
 */
public record AuditEvent(long id, OffsetDateTime at, String user, String channel, String address, String action,
        String target, int rows, List<Long> rowIds) {
}
