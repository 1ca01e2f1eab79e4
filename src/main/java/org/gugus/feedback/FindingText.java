package org.gugus.feedback;

import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.warehouse.StoredFinding;

/**
 * What a finding says to the office: the rule's own message where the warehouse kept it (with a
 * rejected row), else what its code means and what to do ({@code feedback.code.CODE}).
 */
final class FindingText {

    private FindingText() {
    }

    static Message of(StoredFinding finding) {
        if (finding.messageId() != null && finding.messageEn() != null) {
            return new Message(finding.messageId(), finding.messageEn());
        }
        return ofCode(finding.code());
    }

    /** What a code means and what to do, in both languages. */
    static Message ofCode(String code) {
        try {
            return Messages.get("feedback.code." + code);
        } catch (IllegalArgumentException e) {
            return Messages.get("feedback.code.other", code);
        }
    }
}
