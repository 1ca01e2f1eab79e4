package org.gugus.intake;

import java.nio.file.Path;
import org.gugus.reference.Regions;

/** The provincial template as a load takes it, for tests outside a running application. */
public final class IntakeTemplates {

    private IntakeTemplates() {
    }

    public static IntakeTemplate provincial() {
        return new IntakeTemplate(Path.of("jobs/templates/korban-v1.yaml"), Regions.current());
    }
}
