/**
 * Corrections: a corrected row, judged by the template's rules like a row of its file and published
 * by the warehouse's plan when it passes. Named interface {@code corrections} of intake, for review.
 */
@NamedInterface("corrections")
package org.gugus.intake.corrections;

import org.springframework.modulith.NamedInterface;
