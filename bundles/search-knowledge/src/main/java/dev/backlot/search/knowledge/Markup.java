package dev.backlot.search.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text and titles out of HTML and Markdown: what a search index needs, no rendering. */
final class Markup {

    private static final Pattern SCRIPTS = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>");
    private static final Pattern MD_TITLE = Pattern.compile("(?m)^#\\s+(.+)$");
    private static final Pattern MD_SYNTAX = Pattern.compile("(?m)^#{1,6}\\s+|[*_`>|]|!?\\[([^\\]]*)]\\([^)]*\\)");

    private Markup() {
    }

    static String htmlText(String html) {
        String text = TAGS.matcher(SCRIPTS.matcher(html).replaceAll(" ")).replaceAll(" ");
        return entities(text).replaceAll("\\s+", " ").strip();
    }

    static String htmlTitle(String html) {
        Matcher m = HTML_TITLE.matcher(html);
        return m.find() ? htmlText(m.group(1) != null ? m.group(1) : m.group(2)) : "";
    }

    static String markdownText(String md) {
        return MD_SYNTAX.matcher(md).replaceAll("$1").replaceAll("\\s+", " ").strip();
    }

    static String markdownTitle(String md) {
        Matcher m = MD_TITLE.matcher(md);
        return m.find() ? markdownText(m.group(1)) : "";
    }

    private static String entities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
