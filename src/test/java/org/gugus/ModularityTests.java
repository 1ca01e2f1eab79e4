package org.gugus;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package of org.gugus is a module: no cycles, no reaching into another's internals. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ImportOption productionCode = location -> !location.contains("/test-classes/");
        ApplicationModules.of(GugusApplication.class, productionCode).verify();
    }
}
