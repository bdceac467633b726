package dev.backlot.plugins.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OSGi manifest headers split into clauses ({@code Import-Package}, {@code Export-Package},
 * {@code Provide-Capability}, ...), following the grammar of OSGi Core 3.2.4: clauses separated by
 * commas, each with one or more paths and then {@code name=value} attributes and
 * {@code name:=value} directives separated by semicolons. Commas and semicolons inside quotes
 * belong to the value ({@code version="[1.0,2.0)"}).
 */
final class HeaderClauses {

    /**
     * One clause.
     *
     * @param paths the package names (or the namespace) before the first parameter
     * @param attributes {@code name=value} or {@code name:type=value}, keyed by name without the type, unquoted
     * @param directives {@code name:=value}, unquoted
     * @param text the clause as written, trimmed
     */
    record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives, String text) {
    }

    private HeaderClauses() {
    }

    /**
     * @throws IllegalArgumentException naming the problem, for an unbalanced quote, an empty clause
     *     or a parameter without a value
     */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String text : split(header, ',')) {
            clauses.add(clause(text));
        }
        return clauses;
    }

    /** The text of each clause, one per path ({@code a;b;version=1} gives {@code a;version=1} and {@code b;version=1}). */
    static List<String> perPath(String header) {
        List<String> out = new ArrayList<>();
        for (Clause clause : parse(header)) {
            if (clause.paths().size() == 1) {
                out.add(clause.text());
            } else {
                List<String> parts = split(clause.text(), ';');
                String parameters = String.join(";", parts.subList(clause.paths().size(), parts.size()));
                clause.paths().forEach(path -> out.add(parameters.isEmpty() ? path : path + ";" + parameters));
            }
        }
        return out;
    }

    private static Clause clause(String text) {
        List<String> parts = split(text, ';');
        List<String> paths = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String part : parts) {
            int eq = indexOutsideQuotes(part, '=');
            if (eq < 0) {
                if (!attributes.isEmpty() || !directives.isEmpty()) {
                    throw new IllegalArgumentException("'" + part + "' in clause '" + text + "' has no value");
                }
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("empty name in clause '" + text + "'");
                }
                paths.add(part);
            } else if (eq > 0 && part.charAt(eq - 1) == ':') {
                directives.put(part.substring(0, eq - 1).trim(), unquote(part.substring(eq + 1).trim(), text));
            } else {
                String name = part.substring(0, eq).trim();
                int colon = name.indexOf(':');
                attributes.put(colon < 0 ? name : name.substring(0, colon).trim(), unquote(part.substring(eq + 1).trim(), text));
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("clause '" + text + "' names nothing");
        }
        return new Clause(List.copyOf(paths), attributes, directives, text);
    }

    private static String unquote(String value, String clause) {
        if (value.startsWith("\"")) {
            if (value.length() < 2 || !value.endsWith("\"")) {
                throw new IllegalArgumentException("unbalanced quote in '" + clause + "'");
            }
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == separator && !quoted) {
                out.add(nonEmpty(text.substring(start, i), text));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quote in '" + text + "'");
        }
        out.add(nonEmpty(text.substring(start), text));
        return out;
    }

    private static String nonEmpty(String part, String whole) {
        String trimmed = part.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty clause or parameter in '" + whole + "'");
        }
        return trimmed;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
