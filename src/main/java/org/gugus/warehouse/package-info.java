/**
 * Warehouse: owns the provincial warehouse ({@code warehouse} schema): the staging area of files
 * being loaded, cases, victims, their coded attributes, history, flags and lineage, and the rows
 * that rules rejected. Every query of these tables lives here.
 * <p>
 * Takes in staged rows ({@link org.gugus.warehouse.StagedRowWriter}) and publishes a staged file in
 * one transaction ({@link org.gugus.warehouse.WarehousePublisher}); publishes single corrected rows
 * by the same plan ({@link org.gugus.warehouse.CorrectionPublisher}). Depends on no other module;
 * intake hands it files, review asks it for rows.
 */
@ApplicationModule(allowedDependencies = {"system"})
package org.gugus.warehouse;

import org.springframework.modulith.ApplicationModule;
