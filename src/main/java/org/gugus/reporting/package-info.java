/**
 * National reporting: the unique-victim indicators of {@code docs/indicators-v1.md}, counted from
 * persons, with small-cell suppression, as JSON, CSV and XLSX ({@code gugus report},
 * {@code GET /api/reports/indicators}), the anonymised record-level exports ({@code gugus export})
 * and the {@code reporting} schema that coordinators' own tools read through the read-only role.
 * <p>
 * Keeps the {@code reporting} schema in step with persons: on every
 * {@link org.gugus.persons.PersonsChanged} it refreshes the persons named, in one transaction.
 * A first load's reports are read from the warehouse on its {@link org.gugus.warehouse.VictimsPublished},
 * while its persons are resolved, and copied with their persons by the rebuild that follows.
 * {@link org.gugus.reporting.WarehouseSource} is the one class that reads the warehouse, persons and
 * ingest tables; everything else reads the reporting schema only.
 */
@ApplicationModule(allowedDependencies = {"persons", "warehouse", "reference", "access", "system"})
package org.gugus.reporting;

import org.springframework.modulith.ApplicationModule;
