package org.gugus.intake.validate;

/** An error rejects the row; a warning loads it and flags it for review. */
public enum Severity {
    ERROR, WARNING
}
