/**
 * Web: the pages of Gugus, server-rendered in Bahasa Indonesia (English on request), behind the
 * sign-in and roles of {@code access}. Each page asks the module that owns its data through that
 * module's API; no page reads a table itself. Texts come from {@code messages/web.properties} (and
 * {@code _en}); none is written in code.
 */
@ApplicationModule(allowedDependencies = {"ingest", "ingest::sftp", "intake", "warehouse",
        "review", "persons", "reporting", "reference", "access", "system"})
package org.gugus.web;

import org.springframework.modulith.ApplicationModule;
