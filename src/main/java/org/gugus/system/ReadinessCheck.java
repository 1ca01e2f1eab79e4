package org.gugus.system;

import java.util.List;

/**
 * Something Gugus needs in order to work, checked for its readiness ({@code /actuator/health/readiness},
 * component {@code gugus}). Any module contributes one as a bean; while any check reports a problem,
 * Gugus is not ready and each new problem is logged at ERROR once.
 */
public interface ReadinessCheck {

    /** What is wrong now, each saying what to fix; empty when all is well. */
    List<Message> problems();
}
