package org.gugus;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package of org.gugus is a module: no cycles, no reaching into another's internals. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(GugusApplication.class).verify();
    }
}
