package org.gugus.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.gugus.system.Message;

/**
 * Why a whole file was quarantined (or its load failed): an F_ code of the template (or
 * F_UNKNOWN_OFFICE, F_INTERNAL), and what to do, in Indonesian and in English. In JSON it also
 * carries both languages together as {@code message}.
 */
@JsonPropertyOrder({"code", "message", "message_id", "message_en"})
@JsonIgnoreProperties(value = "message", allowGetters = true)
public record FileError(String code, String messageId, String messageEn) {

    public FileError(String code, Message message) {
        this(code, message.id(), message.en());
    }

    /** Both languages, Indonesian first, as shown to a steward. */
    @JsonProperty("message")
    public String message() {
        return messageId + " / " + messageEn;
    }
}
