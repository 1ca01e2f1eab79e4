package org.gugus.intake.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node of the template file with the path that leads to it, so that every complaint about the
 * file names the place to fix ({@code vocabularies.sex[1].code}).
 */
final class YamlTree {

    private final Object node;
    private final String path;

    YamlTree(Object node, String path) {
        this.node = node;
        this.path = path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map().containsKey(key);
    }

    List<String> keys() {
        return map().keySet().stream().map(String::valueOf).toList();
    }

    YamlTree tree(String key) {
        return new YamlTree(required(key), path(key));
    }

    String text(String key) {
        Object value = required(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidTemplateException(path(key) + ": expected a text, found " + describe(value) + ".");
        }
        return text.strip();
    }

    int number(String key) {
        return parseNumber(text(key), path(key));
    }

    boolean bool(String key) {
        String text = text(key).toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "ya" -> true;
            case "false", "no", "tidak" -> false;
            default -> throw new InvalidTemplateException(path(key) + ": write true or false, found '" + text + "'.");
        };
    }

    List<String> texts(String key) {
        Object value = required(key);
        if (!(value instanceof List<?> items)) {
            throw new InvalidTemplateException(path(key) + ": expected a list such as [a, b], found " + describe(value) + ".");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text) || text.isEmpty()) {
                throw new InvalidTemplateException(path(key) + "[" + i + "]: expected a text, found "
                        + describe(items.get(i)) + ".");
            }
            texts.add(text.isBlank() ? text : text.strip());
        }
        return texts;
    }

    List<List<String>> textLists(String key) {
        Object value = required(key);
        if (!(value instanceof List<?> items)) {
            throw new InvalidTemplateException(path(key) + ": expected a list of lists, found " + describe(value) + ".");
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lists.add(new YamlTree(Map.of("item", items.get(i) == null ? "" : items.get(i)), path(key) + "[" + i + "]")
                    .texts("item"));
        }
        return lists;
    }

    List<YamlTree> trees(String key) {
        Object value = required(key);
        if (!(value instanceof List<?> items)) {
            throw new InvalidTemplateException(path(key) + ": expected a list of entries, found " + describe(value) + ".");
        }
        List<YamlTree> trees = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            trees.add(new YamlTree(items.get(i), path(key) + "[" + i + "]"));
        }
        return trees;
    }

    static int parseNumber(String text, String path) {
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidTemplateException(path + ": expected a whole number, found '" + text + "'.");
        }
    }

    private Map<?, ?> map() {
        if (!(node instanceof Map<?, ?> map)) {
            throw new InvalidTemplateException((path.isEmpty() ? "the file" : path)
                    + ": expected entries of the form 'name: value', found " + describe(node) + ".");
        }
        return map;
    }

    private Object required(String key) {
        Object value = map().get(key);
        if (value == null) {
            throw new InvalidTemplateException(path(key) + ": missing.");
        }
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a group of entries";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
