package org.gugus.intake.mapping;

import org.gugus.system.Message;
import org.gugus.system.Messages;

/**
 * The template file cannot be used: it is not valid YAML, or it names an unknown field, or one
 * spelling is given to two fields or two codes. The message names the place in the file and what
 * to change there, in Indonesian and English ({@link #getMessage()} gives both).
 */
public class InvalidTemplateException extends RuntimeException {

    private final Message text;

    public InvalidTemplateException(Message text) {
        this(text, null);
    }

    public InvalidTemplateException(Message text, Throwable cause) {
        super(text.both(), cause);
        this.text = text;
    }

    /** A text of the {@code template} bundle; an argument that is itself a {@link Message} is put in its language. */
    static InvalidTemplateException of(String key, Object... arguments) {
        return new InvalidTemplateException(text(key, arguments));
    }

    static Message text(String key, Object... arguments) {
        return Messages.get(key, arguments);
    }

    /** The same complaint, placed in a file or a list: "{@code place}: ...". */
    InvalidTemplateException at(String place) {
        return new InvalidTemplateException(text("template.file.at", place, text), this);
    }

    /** What is wrong and what to do, in both languages. */
    public Message text() {
        return text;
    }
}
