package dev.backlot.techdocs.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Syntax highlighting of code blocks for both formats, after sanitising: the code's text is split
 * into comments, strings, numbers and keywords by one regular expression per language family, and
 * put back as text nodes and {@code <span class="td-hl-*">} elements (never as markup from the
 * document). Languages it does not know stay plain; so do blocks over 64 KiB.
 */
final class CodeHighlighter {

    private static final int MAX_CHARS = 64 * 1024;

    private static final Set<String> C_LIKE = Set.of("abstract", "boolean", "break", "case", "catch", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "export", "extends", "false", "final", "finally", "float",
            "for", "function", "if", "implements", "import", "instanceof", "int", "interface", "let", "long", "new", "null",
            "package", "private", "protected", "public", "record", "return", "static", "super", "switch", "this", "throw",
            "throws", "true", "try", "typeof", "undefined", "var", "void", "while", "yield", "async", "await", "fun", "val",
            "func", "go", "struct", "type", "fn", "impl", "mut", "pub", "use", "match", "string", "char", "byte", "short");
    private static final Set<String> SCRIPT = Set.of("and", "as", "assert", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "False", "finally", "for", "from", "if", "import", "in", "is", "lambda", "None", "not",
            "or", "pass", "raise", "return", "True", "try", "while", "with", "yield", "then", "fi", "do", "done", "esac",
            "case", "function", "local", "export", "echo", "end", "module", "require", "true", "false", "null");
    private static final Set<String> SQL = Set.of("select", "from", "where", "insert", "into", "values", "update", "set",
            "delete", "create", "table", "index", "drop", "alter", "and", "or", "not", "null", "join", "left", "right",
            "inner", "outer", "on", "group", "by", "order", "having", "limit", "as", "primary", "key", "references", "unique");

    private static final Pattern C_TOKENS = Pattern.compile(
            "(?<c>//[^\\n]*|/\\*[\\s\\S]*?\\*/)|(?<s>\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|`[^`]*`)"
                    + "|(?<n>\\b\\d[\\d_.]*[lLfFdD]?\\b)|(?<w>\\b[A-Za-z_][A-Za-z0-9_]*\\b)");
    private static final Pattern HASH_TOKENS = Pattern.compile(
            "(?<c>#[^\\n]*)|(?<s>\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')"
                    + "|(?<n>\\b\\d[\\d_.]*\\b)|(?<w>\\b[A-Za-z_][A-Za-z0-9_]*\\b)");
    private static final Pattern SQL_TOKENS = Pattern.compile(
            "(?<c>--[^\\n]*)|(?<s>'(?:''|[^'])*')|(?<n>\\b\\d+(?:\\.\\d+)?\\b)|(?<w>\\b[A-Za-z_][A-Za-z0-9_]*\\b)");
    private static final Pattern YAML_TOKENS = Pattern.compile(
            "(?<c>#[^\\n]*)|(?<s>\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:''|[^'\\n])*')|(?<k>^[ \\t-]*[A-Za-z0-9_.\\-/]+(?=:))"
                    + "|(?<n>\\b\\d+(?:\\.\\d+)?\\b)", Pattern.MULTILINE);
    private static final Pattern XML_TOKENS = Pattern.compile(
            "(?<c><!--[\\s\\S]*?-->)|(?<s>\"[^\"]*\"|'[^']*')|(?<k></?[A-Za-z][\\w:.-]*|/?>)");

    private record Family(Pattern tokens, Set<String> keywords, boolean ignoreCase) {
    }

    private static final Family C = new Family(C_TOKENS, C_LIKE, false);
    private static final Family HASH = new Family(HASH_TOKENS, SCRIPT, false);
    private static final Map<String, Family> LANGUAGES = Map.ofEntries(
            Map.entry("java", C), Map.entry("kotlin", C), Map.entry("js", C), Map.entry("javascript", C),
            Map.entry("ts", C), Map.entry("typescript", C), Map.entry("c", C), Map.entry("cpp", C), Map.entry("csharp", C),
            Map.entry("go", C), Map.entry("rust", C), Map.entry("scala", C), Map.entry("groovy", C), Map.entry("json", C),
            Map.entry("jsx", C), Map.entry("tsx", C), Map.entry("swift", C), Map.entry("python", HASH), Map.entry("py", HASH),
            Map.entry("bash", HASH), Map.entry("sh", HASH), Map.entry("shell", HASH), Map.entry("console", HASH),
            Map.entry("ruby", HASH), Map.entry("toml", HASH), Map.entry("properties", HASH), Map.entry("dockerfile", HASH),
            Map.entry("sql", new Family(SQL_TOKENS, SQL, true)), Map.entry("yaml", new Family(YAML_TOKENS, Set.of(), false)),
            Map.entry("yml", new Family(YAML_TOKENS, Set.of(), false)), Map.entry("xml", new Family(XML_TOKENS, Set.of(), false)),
            Map.entry("html", new Family(XML_TOKENS, Set.of(), false)));

    private CodeHighlighter() {
    }

    /** Replaces the content of {@code code} with highlighted nodes when its language is known. */
    static void highlight(Element code, String language) {
        Family family = LANGUAGES.get(language.toLowerCase(Locale.ROOT));
        String text = code.wholeText();
        if (family == null || text.length() > MAX_CHARS) {
            return;
        }
        code.empty();
        Matcher m = family.tokens().matcher(text);
        int at = 0;
        while (m.find()) {
            String kind = group(m, family);
            if (kind == null) {
                continue;
            }
            if (m.start() > at) {
                code.appendChild(new TextNode(text.substring(at, m.start())));
            }
            code.appendElement("span").addClass("td-hl-" + kind).appendChild(new TextNode(m.group()));
            at = m.end();
        }
        if (at < text.length()) {
            code.appendChild(new TextNode(text.substring(at)));
        }
    }

    private static String group(Matcher m, Family family) {
        if (m.group("c") != null) {
            return "c";
        }
        if (m.group("s") != null) {
            return "s";
        }
        if (family.tokens().pattern().contains("(?<k>") && m.group("k") != null) {
            return "k";
        }
        if (family.tokens().pattern().contains("(?<n>") && m.group("n") != null) {
            return "n";
        }
        if (family.tokens().pattern().contains("(?<w>") && m.group("w") != null) {
            String word = family.ignoreCase() ? m.group().toLowerCase(Locale.ROOT) : m.group();
            return family.keywords().contains(word) ? "k" : null;
        }
        return null;
    }
}
