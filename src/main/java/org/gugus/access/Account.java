package org.gugus.access;

import java.time.OffsetDateTime;

/**
 * An account as listed: never its password hash.
 *
 * @param officeCode the office an {@link Role#OFFICE} account is bound to; {@code null} for other roles
 */
public record Account(String name, Role role, String officeCode, boolean enabled, OffsetDateTime createdAt) {
}
