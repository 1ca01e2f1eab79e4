/**
 * Access: who may see what. Owns the {@code access} schema: the accounts (one {@link org.gugus.access.Role}
 * each, office staff bound to one office), the append-only audit log, and the fingerprint of the
 * pseudonym key. Configures Spring Security (HTTP Basic for the API and actuator, form login with
 * CSRF for the pages; every path needs a role, anything not listed is denied).
 * <p>
 * Offers the other modules {@link org.gugus.access.CurrentUser} (who asks, and which office they
 * may see), {@link org.gugus.access.Audit} (record what was read or changed),
 * {@link org.gugus.access.PseudonymKey} (keyed pseudonyms for identity and person keys; holders of
 * such keys implement {@link org.gugus.access.PseudonymHolder} to be re-keyed) and
 * {@link org.gugus.access.PrivateFiles} (files and folders only Gugus's OS user can read).
 * Depends on {@code reference} (office codes) and {@code system} only.
 */
@ApplicationModule(allowedDependencies = {"reference", "system"})
package org.gugus.access;

import org.springframework.modulith.ApplicationModule;
