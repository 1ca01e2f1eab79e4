package org.gugus.intake.job;

import org.gugus.intake.mapping.MappedRow;

/** A data row of the file with its position among all data rows (1-based, across sheets). */
public record DataRow(int ordinal, MappedRow row) {
}
