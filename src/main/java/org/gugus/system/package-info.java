/**
 * System: what runs Gugus: the embedded PostgreSQL and the command line ({@code gugus load ...}).
 */
package org.gugus.system;
