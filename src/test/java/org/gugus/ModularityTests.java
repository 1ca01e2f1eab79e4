package org.gugus;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each direct sub-package of org.gugus is a module: no cycles, no reaching into another's internals,
 * and no dependency its {@code package-info.java} does not allow. The module documentation in
 * {@code docs/modules/} is written from the same model.
 */
class ModularityTests {

    private static final ImportOption PRODUCTION_CODE = location -> !location.contains("/test-classes/");

    private final ApplicationModules modules = ApplicationModules.of(GugusApplication.class, PRODUCTION_CODE);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
