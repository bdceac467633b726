package dev.backlot.scaffolder.internal;

/**
 * Turns Backstage's template syntax into Jinjava's: Backstage configures Nunjucks with
 * {@code ${{ }}} as the variable delimiters, so a plain {@code {{ }}} in a file (a GitHub Actions
 * workflow, a Helm chart) is text. Jinjava's delimiters are single characters, so instead of
 * changing them this rewrites {@code ${{ x }}} to {@code {{ x }}} and wraps every other
 * {@code {{} in a raw block. Block tags ({@code {% %}}) and comments mean the same in both.
 *
 * <p>Nunjucks also has JavaScript's strict comparisons {@code ===} and {@code !==}, which the
 * shipped templates use ({@code if: ${{ parameters.dryRun !== true }}}) and Jinjava cannot parse;
 * inside expressions and block tags (never inside string literals) they become {@code ==} and
 * {@code !=}. Jinjava's equality does not convert between types the way JavaScript's loose one
 * does ({@code 1 == "1"} is false), so it answers like the strict form for the values parameters
 * hold.
 */
final class NunjucksSyntax {

    private static final String LITERAL_OPEN = "{% raw %}{{{% endraw %}";

    private NunjucksSyntax() {
    }

    static String toJinjava(String text) {
        if (text.indexOf("{{") < 0 && text.indexOf("{%") < 0) {
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
                out.append("{{").append(strictOperators(text.substring(i + 3, end))).append("}}");
                i = end + 2;
            } else if (text.startsWith("{%", i)) {
                int end = tagEnd(text, i + 2);
                if (end < 0) {
                    out.append(text, i, n);
                    break;
                }
                out.append("{%").append(strictOperators(text.substring(i + 2, end))).append("%}");
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
        return closing(text, from, '}');
    }

    /** The index of the {@code %}} that closes a block tag starting at {@code from}, skipping strings. */
    private static int tagEnd(String text, int from) {
        return closing(text, from, '%');
    }

    /** The index of the first {@code <first>}} at or after {@code from} outside string literals, or -1. */
    private static int closing(String text, int from, char first) {
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
            } else if (c == first && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** {@code ===} and {@code !==} outside string literals as {@code ==} and {@code !=}. */
    static String strictOperators(String expression) {
        if (!expression.contains("==")) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length());
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < expression.length()) {
                    out.append(expression.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
            } else if (expression.startsWith("===", i) || expression.startsWith("!==", i)) {
                out.append(c).append('=');
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The expression inside when {@code text} is exactly one {@code ${{ expr }}}, else null. */
    static String singleExpression(String text) {
        String t = text.strip();
        if (!t.startsWith("${{")) {
            return null;
        }
        int end = expressionEnd(t, 3);
        return end == t.length() - 2 ? strictOperators(t.substring(3, end).strip()) : null;
    }
}
