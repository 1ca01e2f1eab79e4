package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gugus.system.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template file as written, bound to records by Jackson (keys in snake_case, as stewards write
 * them). Binding checks shapes and unknown keys; {@link Template} checks meaning. Every complaint
 * names the place in the file ({@code vocabularies.sex[1].code}): a binding error by its path, a
 * missing or blank value by the path it is read under.
 */
record TemplateFile(String template, String version, Header header, Map<String, FieldEntry> fields,
        List<List<String>> requiredOneOf, ListSeparatorWords listSeparators, List<String> blankValues,
        Map<String, List<Term>> vocabularies, List<Term> citizenship, Map<String, List<String>> countries,
        DateWords dates, RowWords rows) {

    record Header(String searchRows, String candidateMinFields) {
    }

    record FieldEntry(String required, List<String> aliases) {
    }

    record ListSeparatorWords(List<String> characters, List<String> words) {
    }

    record Term(String code, String labelId, String labelEn, List<String> synonyms) {
    }

    record DateWords(Map<String, List<String>> months, List<String> weekdays) {
    }

    record RowWords(List<String> totalWords, List<String> signatureWords) {
    }

    private static final JsonMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Binds a parsed YAML document (maps, lists and texts) to the records. */
    static TemplateFile bind(Object document) {
        if (!(document instanceof Map<?, ?>)) {
            throw InvalidTemplateException.of("template.expected", "the file", kind("template.kind.entries"),
                    found(document));
        }
        try {
            return BINDER.convertValue(document, TemplateFile.class);
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw refusal(e, document);
        }
    }

    // Jackson says what it expected where; the steward reads it as the place and what to write there.
    private static InvalidTemplateException refusal(RuntimeException e, Object document) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException problem)) {
            throw e;
        }
        String path = path(problem.getPath());
        if (problem instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            String place = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the file";
            return new InvalidTemplateException(InvalidTemplateException.text("template.unknown-key", place,
                    unknown.getPropertyName(), known), e);
        }
        Message expected = kind("template.kind.entries");
        if (problem instanceof InvalidFormatException format && isNumber(format.getTargetType())) {
            expected = kind("template.kind.number");
        }
        else if (problem instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            expected = expected(mismatch.getTargetType());
        }
        return new InvalidTemplateException(InvalidTemplateException.text("template.expected", path, expected,
                found(valueAt(document, problem.getPath()))), e);
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static Message expected(Class<?> type) {
        if (type == String.class) {
            return kind("template.kind.text");
        }
        if (isNumber(type)) {
            return kind("template.kind.number");
        }
        if (Collection.class.isAssignableFrom(type)) {
            return kind("template.kind.list");
        }
        return kind("template.kind.entries");
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the file" : path.toString();
    }

    private static Object valueAt(Object document, List<JacksonException.Reference> references) {
        Object node = document;
        for (JacksonException.Reference reference : references) {
            if (node instanceof Map<?, ?> map && reference.getPropertyName() != null) {
                node = map.get(reference.getPropertyName());
            }
            else if (node instanceof List<?> list && reference.getIndex() >= 0 && reference.getIndex() < list.size()) {
                node = list.get(reference.getIndex());
            }
            else {
                return null;
            }
        }
        return node;
    }

    static Message found(Object value) {
        if (value == null) {
            return kind("template.kind.nothing");
        }
        if (value instanceof Map<?, ?>) {
            return kind("template.kind.group");
        }
        if (value instanceof List<?>) {
            return kind("template.kind.a-list");
        }
        return InvalidTemplateException.text("template.kind.value", value);
    }

    private static Message kind(String key) {
        return InvalidTemplateException.text(key);
    }

    // --- reading values under their path -----------------------------------------------------------

    static <T> T required(T value, String path) {
        if (value == null) {
            throw InvalidTemplateException.of("template.missing", path);
        }
        return value;
    }

    /** A text that must say something, stripped. */
    static String text(String value, String path) {
        if (required(value, path).isBlank()) {
            throw InvalidTemplateException.of("template.expected", path, kind("template.kind.text"), found(value));
        }
        return value.strip();
    }

    /** Texts of a list, each stripped unless it is only white space (a line break is a separator). */
    static List<String> texts(List<String> values, String path) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < required(values, path).size(); i++) {
            String value = values.get(i);
            if (value == null || value.isEmpty()) {
                throw InvalidTemplateException.of("template.expected", path + "[" + i + "]", kind("template.kind.text"),
                        found(value));
            }
            texts.add(value.isBlank() ? value : value.strip());
        }
        return texts;
    }

    static int number(String value, String path) {
        String text = text(value, path);
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            throw InvalidTemplateException.of("template.expected", path, kind("template.kind.number"), found(text));
        }
    }

    static boolean bool(String value, String path) {
        String text = text(value, path).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "ya" -> true;
            case "false", "no", "tidak" -> false;
            default -> throw InvalidTemplateException.of("template.boolean", path, text);
        };
    }
}
