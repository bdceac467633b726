package dev.backlot.catalog.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects problem sentences of the form {@code <path> <value> is invalid: <rule>} or
 * {@code <path> is missing: <rule>}, so every message names the field, the bad value and the rule.
 */
final class Problems {

    private static final int MAX_SHOWN = 80;

    private final List<String> sentences = new ArrayList<>();

    void invalid(String path, Object value, String rule) {
        sentences.add(path + " " + show(value) + " is invalid: " + rule);
    }

    void missing(String path, String rule) {
        sentences.add(path + " is missing: " + rule);
    }

    List<String> list() {
        return List.copyOf(sentences);
    }

    /**
     * Checks that {@code value} is a non-empty string, reporting it otherwise.
     *
     * @return the string, or {@code null} when it was reported
     */
    String text(String path, Object value) {
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        invalid(path, value, "must be a non-empty string");
        return null;
    }

    /** Checks that {@code value} is a list of non-empty strings, reporting the list or each bad item. */
    void textList(String path, Object value) {
        List<?> list = Tree.list(value);
        if (list == null) {
            invalid(path, value, "must be a list of non-empty strings");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            text(path + "[" + i + "]", list.get(i));
        }
    }

    /** A short, quoted rendering of a value; containers are described, never printed in full. */
    static String show(Object value) {
        if (value instanceof String text) {
            String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
            return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return "(a list of " + list.size() + ")";
        }
        if (value instanceof Map<?, ?>) {
            return "(an object)";
        }
        return "(a " + value.getClass().getSimpleName() + ")";
    }
}
