/**
 * System: what runs Gugus and every module shares: the embedded PostgreSQL, the command line
 * (each module contributes its commands) and the messages users read. Depends on no module.
 */
@ApplicationModule(allowedDependencies = {})
package org.gugus.system;

import org.springframework.modulith.ApplicationModule;
