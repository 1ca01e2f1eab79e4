package org.gugus.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the warehouse's JSON columns: rows as written, normalised rows and findings. */
@Component
class WarehouseJson {

    private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {
    };

    private final JsonMapper json;

    WarehouseJson(JsonMapper json) {
        this.json = json;
    }

    /** A JSON object as column to text (null values as empty text), in its order; empty for null. */
    Map<String, String> texts(String object) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (object == null) {
            return texts;
        }
        json.readValue(object, LinkedHashMap.class).forEach((key, value) -> texts.put(String.valueOf(key),
                value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : value == null ? "" : String.valueOf(value)));
        return texts;
    }

    List<StoredFinding> findings(String array) {
        return json.readValue(array, FINDINGS);
    }
}
