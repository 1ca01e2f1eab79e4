package org.gugus.warehouse;

/** Rows waiting for review of one office, one file and one rule code, and how many there are. */
public record ReviewGroup(String officeCode, long fileId, String code, long rows) {
}
