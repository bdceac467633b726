package dev.backlot.scaffolder.internal;

/**
 * Turns Backstage's template syntax into Jinjava's: Backstage configures Nunjucks with
 * {@code ${{ }}} as the variable delimiters, so a plain {@code {{ }}} in a file (a GitHub Actions
 * workflow, a Helm chart) is text. Jinjava's delimiters are single characters, so instead of
 * changing them this rewrites {@code ${{ x }}} to {@code {{ x }}} and wraps every other
 * {@code {{} in a raw block. Block tags ({@code {% %}}) and comments mean the same in both.
 */
final class NunjucksSyntax {

    private static final String LITERAL_OPEN = "{% raw %}{{{% endraw %}";

    private NunjucksSyntax() {
    }

    static String toJinjava(String text) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("${{", i)) {
                int end = expressionEnd(text, i + 3);
                if (end < 0) {
                    // unclosed: let Jinjava report it as the syntax error it is
                    out.append(text, i + 1, n);
                    break;
                }
                out.append("{{").append(text, i + 3, end).append("}}");
                i = end + 2;
            } else if (text.startsWith("{{", i)) {
                out.append(LITERAL_OPEN);
                i += 2;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the {@code }}} that closes an expression starting at {@code from}, skipping strings. */
    static int expressionEnd(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The expression inside when {@code text} is exactly one {@code ${{ expr }}}, else null. */
    static String singleExpression(String text) {
        String t = text.strip();
        if (!t.startsWith("${{")) {
            return null;
        }
        int end = expressionEnd(t, 3);
        return end == t.length() - 2 ? t.substring(3, end).strip() : null;
    }
}
