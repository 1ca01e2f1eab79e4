/**
 * The embedded PostgreSQL that Gugus starts by itself when no external server is configured.
 */
package org.gugus.system.database;
