package org.gugus.persons.linkage;

/**
 * A common name token and the share of records whose name carries it. Only tokens carried by many
 * records are kept (see {@link LinkageSettings#tfMinRecords()}): a rare token would point at a person.
 */
public record TokenFrequency(String token, double frequency) {
}
