/**
 * Readiness, internal to system: the {@code gugus} health component that gathers every
 * {@link org.gugus.system.ReadinessCheck}, and the checks system owns: the folders Gugus writes and
 * the database.
 */
package org.gugus.system.health;
