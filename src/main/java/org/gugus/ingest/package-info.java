/**
 * Ingest: how regency files reach Gugus. Owns the drop-folder route (in {@code routes/}), the
 * content-addressed landing area and the file registry ({@code ingest} schema). Takes in files from
 * drop folders, SFTP and the command line; hands each new file to {@link org.gugus.intake.IntakeService}
 * and records what became of it (an {@link org.gugus.intake.FileOutcome}); keeps dropped originals in
 * archive or quarantine, never moving a file outside Gugus's home. Shows the registry to people
 * ({@code gugus files}, {@code /api/files}) and to other modules ({@link org.gugus.ingest.ReceivedFiles}).
 */
@ApplicationModule(allowedDependencies = {"intake", "access", "reference", "system"})
package org.gugus.ingest;

import org.springframework.modulith.ApplicationModule;
