/**
 * SFTP sources, internal to ingest: one Camel route per office from the {@code ingest-sftp} template
 * in {@code routes/}, configured in {@code jobs/sftp-sources.yaml}; each source's poll schedule
 * (staggered by office), PostgreSQL lease, retries and health; {@code gugus pull} and its REST
 * endpoint with the runs it started. Pulled files go
 * through {@link org.gugus.ingest.FileReception} like every other source. Named interface {@code sftp}:
 * the web pages show and change the sources through {@link org.gugus.ingest.sftp.SourceSettings}.
 */
@NamedInterface("sftp")
package org.gugus.ingest.sftp;

import org.springframework.modulith.NamedInterface;
