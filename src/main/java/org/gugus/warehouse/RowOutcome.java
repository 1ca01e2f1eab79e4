package org.gugus.warehouse;

import java.util.List;

/**
 * One data row of a loaded file as it was judged: where it is, its status and its findings. A
 * rejected row's findings carry the rule's message (kept with the rejection); other findings carry
 * only code, field and column.
 */
public record RowOutcome(int ordinal, String sheet, int rowNumber, RowStatus status, List<StoredFinding> findings) {

    public RowOutcome {
        findings = List.copyOf(findings);
    }
}
