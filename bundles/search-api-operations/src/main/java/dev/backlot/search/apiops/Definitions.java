package dev.backlot.search.apiops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an API definition (YAML or JSON) into nested maps, enough to walk its operations: block
 * mappings, scalars, block scalars ({@code |}, {@code >}) and JSON objects. Lists are skipped with
 * their content, as are YAML anchors and flow collections (kept as text). Bounded: at most
 * {@value #MAX_CHARS} characters and {@value #MAX_DEPTH} levels are read.
 *
 * <p>Why its own reader: a bundle sees only the packages the portal exports, and a full YAML
 * library inside the bundle would be larger than the rest of it for the little it needs here.
 */
final class Definitions {

    static final int MAX_CHARS = 2_000_000;
    static final int MAX_DEPTH = 32;

    private Definitions() {
    }

    static Map<String, Object> parse(String text) {
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String trimmed = cut.strip();
        if (trimmed.startsWith("{")) {
            Object json = new Json(trimmed).value(0);
            return json instanceof Map<?, ?> m ? cast(m) : Map.of();
        }
        return yaml(cut);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private record Level(int indent, Map<String, Object> map) {
    }

    private static Map<String, Object> yaml(String text) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Level> stack = new ArrayList<>();
        stack.add(new Level(-1, root));
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            while (stack.size() > 1 && stack.get(stack.size() - 1).indent() >= indent) {
                stack.remove(stack.size() - 1);
            }
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                // A list item: its content is not needed; swallow it into a throw-away level.
                stack.add(new Level(indent, new LinkedHashMap<>()));
                continue;
            }
            int colon = keyEnd(trimmed);
            if (colon < 0 || stack.size() > MAX_DEPTH) {
                continue;
            }
            String key = unquote(trimmed.substring(0, colon).strip());
            String value = trimmed.substring(colon + 1).strip();
            Map<String, Object> parent = stack.get(stack.size() - 1).map();
            if (value.isEmpty() || value.startsWith("&")) {
                Map<String, Object> child = new LinkedHashMap<>();
                parent.put(key, child);
                stack.add(new Level(indent, child));
            } else if (value.startsWith("{")) {
                parent.put(key, new LinkedHashMap<String, Object>()); // a flow mapping: present, content not needed
            } else if (value.startsWith("|") || value.startsWith(">")) {
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.length && (lines[i + 1].isBlank()
                        || lines[i + 1].length() - lines[i + 1].stripLeading().length() > indent)) {
                    block.append(lines[++i].strip()).append(value.startsWith("|") ? "\n" : " ");
                }
                parent.put(key, block.toString().strip());
            } else {
                parent.put(key, scalar(value));
            }
        }
        return root;
    }

    /** The colon ending a mapping key ({@code key: value} or {@code key:}), outside quotes; -1 if none. */
    private static int keyEnd(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == 0) {
                quote = c;
            } else if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static String scalar(String value) {
        String v = value;
        if (!v.startsWith("\"") && !v.startsWith("'")) {
            int comment = v.indexOf(" #");
            if (comment >= 0) {
                v = v.substring(0, comment).strip();
            }
        }
        return unquote(v);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A small JSON reader: objects, arrays, strings, numbers, literals; depth-bounded. */
    private static final class Json {
        private final String s;
        private int pos;

        Json(String s) {
            this.s = s;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("Definition nested too deeply");
            }
            skip();
            if (pos >= s.length()) {
                return null;
            }
            char c = s.charAt(pos);
            if (c == '{') {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                skip();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                while (pos < s.length()) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value(depth + 1));
                    skip();
                    if (peek() == ',') {
                        pos++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
                return map;
            }
            if (c == '[') {
                pos++;
                List<Object> list = new ArrayList<>();
                skip();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                while (pos < s.length()) {
                    list.add(value(depth + 1));
                    skip();
                    if (peek() == ',') {
                        pos++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = pos;
            while (pos < s.length() && ",}] \t\r\n".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (pos + 4 <= s.length()) {
                                out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                                pos += 4;
                            }
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("Malformed JSON at " + pos);
            }
            pos++;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
