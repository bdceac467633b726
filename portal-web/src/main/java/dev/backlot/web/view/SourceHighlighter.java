package dev.backlot.web.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax highlighting for YAML and JSON done on the server: keys, strings, numbers, literals and
 * comments become {@code <span class="bl-hl-…">}. Every piece of the source is HTML-escaped before
 * it is wrapped, so the result is safe to write raw inside a {@code <pre>}.
 *
 * <pre>
 * SourceHighlighter.highlight("name: x # hi")
 * // &lt;span class="bl-hl-key"&gt;name&lt;/span&gt;: x &lt;span class="bl-hl-comment"&gt;# hi&lt;/span&gt;
 * </pre>
 */
public final class SourceHighlighter {

    /** A key at the start of a line, possibly after a list dash: {@code  - name:} or {@code "name":}. */
    private static final Pattern KEY = Pattern.compile(
            "^(\\s*(?:-\\s+)?)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s\"'#{}\\[\\],:][^#:]*?)(\\s*:)(?=\\s|$)");
    /** The tokens after the key; a # starts a comment only at the start or after a space, as in YAML. */
    private static final Pattern TOKEN = Pattern.compile(
            "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')|((?:^|(?<=\\s))#.*$)|(?<![\\w.-])(-?\\d+(?:\\.\\d+)?)(?![\\w.-])"
                    + "|(?<![\\w-])(true|false|null)(?![\\w-])");

    private SourceHighlighter() {
    }

    /** The source as escaped HTML with highlight spans; line breaks are kept. */
    public static String highlight(String source) {
        if (source == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(source.length() * 2);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            line(lines[i], out);
        }
        return out.toString();
    }

    private static void line(String line, StringBuilder out) {
        String rest = line;
        Matcher key = KEY.matcher(line);
        if (key.find()) {
            out.append(escape(key.group(1))).append(span("key", key.group(2))).append(escape(key.group(3)));
            rest = line.substring(key.end());
        }
        Matcher token = TOKEN.matcher(rest);
        int at = 0;
        while (token.find()) {
            out.append(escape(rest.substring(at, token.start())));
            String kind = token.group(1) != null ? "string" : token.group(2) != null ? "comment"
                    : token.group(3) != null ? "number" : "literal";
            out.append(span(kind, token.group()));
            at = token.end();
        }
        out.append(escape(rest.substring(at)));
    }

    private static String span(String kind, String text) {
        return "<span class=\"bl-hl-" + kind + "\">" + escape(text) + "</span>";
    }

    /** HTML-escapes text. */
    static String escape(String s) {
        return RelationsGraph.escape(s);
    }
}
