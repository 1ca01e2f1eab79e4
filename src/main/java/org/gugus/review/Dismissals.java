package org.gugus.review;

import java.util.List;
import java.util.NoSuchElementException;
import org.gugus.access.Audit;
import org.gugus.system.Messages;
import org.gugus.warehouse.RejectedRecord;
import org.gugus.warehouse.RejectedRows;
import org.gugus.warehouse.RejectionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a rejected row without a correction, for a reason a reviewer writes (a test row, a row
 * sent twice, a record that is not a victim): the reason is kept in {@code review.dismissal}, the
 * row is marked DISMISSED and leaves the queue, and the change is in the audit log. Only a row still
 * OPEN can be dismissed; nothing reaches the warehouse.
 */
@Service
public class Dismissals {

    private final JdbcClient jdbc;
    private final RejectedRows rejectedRows;
    private final Audit audit;

    Dismissals(JdbcClient jdbc, RejectedRows rejectedRows, Audit audit) {
        this.jdbc = jdbc;
        this.rejectedRows = rejectedRows;
        this.audit = audit;
    }

    /** Dismisses the row; returns the id of the dismissal. */
    @Transactional
    public long dismiss(long rejectedRowId, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(Messages.get("review.dismiss.reason-missing").both());
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException(Messages.get("review.submitter.missing").both());
        }
        RejectedRecord row = rejectedRows.lockForCorrection(rejectedRowId)
                .orElseThrow(() -> new NoSuchElementException(Messages.get("review.not-found.rejected", rejectedRowId).both()));
        if (row.status() != RejectionStatus.OPEN || !rejectedRows.markDismissed(rejectedRowId)) {
            throw new IllegalStateException(Messages.get("review.dismiss.not-open", rejectedRowId, row.status()).both());
        }
        long id = jdbc.sql("""
                insert into review.dismissal (rejected_row_id, office_code, dismissed_by, reason)
                values (?, ?, ?, ?) returning id
                """).params(rejectedRowId, row.officeCode(), by.strip(), reason.strip()).query(Long.class).single();
        audit.change("DISMISSAL", "rejected_row " + rejectedRowId + " dismissal " + id, List.of(rejectedRowId));
        return id;
    }
}
