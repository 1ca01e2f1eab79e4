package org.gugus.reporting;

/**
 * A count found no month cells ({@link MonthCells}) for the reporting schema's generation: it counted
 * from the per-person facts instead, and the cells are worth making in the background.
 */
record MonthCellsMissing(long generation) {
}
