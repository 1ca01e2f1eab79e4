package org.gugus.access;

import java.util.Locale;
import org.gugus.system.Messages;

/**
 * What an account may do. Each account has exactly one role; the role matrix is in
 * {@code docs/privacy.md} and in {@link SecurityConfiguration}.
 */
public enum Role {
    /** Accounts and settings. */
    ADMIN,
    /** Sources, schedules, loads, job history and files: no name or NIK beyond file names. */
    STEWARD,
    /** Provincial staff: rejected and flagged rows and linkage pairs of every office. */
    REVIEWER,
    /** Regency staff bound to one office: only that office's files, rows and feedback. */
    OFFICE,
    /** National coordination: reporting outputs only, never a name or NIK. */
    COORDINATOR,
    /** The audit log, read only. */
    AUDITOR;

    /** The role a person wrote, in any case. */
    public static Role of(String written) {
        try {
            return valueOf(written.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(Messages.get("access.role.unknown", written).both(), e);
        }
    }

    /** The Spring Security authority of the role. */
    String authority() {
        return "ROLE_" + name();
    }
}
