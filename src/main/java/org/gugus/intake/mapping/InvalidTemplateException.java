package org.gugus.intake.mapping;

/**
 * The template file cannot be used: it is not valid YAML, or it names an unknown field, or one
 * spelling is given to two fields or two codes. The message names the place in the file and what
 * to change there.
 */
public class InvalidTemplateException extends RuntimeException {

    public InvalidTemplateException(String message) {
        super(message);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
