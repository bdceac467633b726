package dev.backlot.techdocs.internal;

import dev.backlot.techdocs.DocsHeading;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What every rendered page goes through, whatever renderer made it: jsoup's {@link Safelist}
 * sanitiser first (no scripts, no event handlers, no {@code style}, no {@code iframe}, {@code object}
 * or {@code form}; links only {@code http}, {@code https}, {@code mailto} or relative), then, on the
 * clean tree, the portal's own rewriting: relative links and images to portal URLs (or refused when
 * they leave the docs folder), {@code data:} images limited to raster types, every class prefixed
 * with {@code td-} so a document cannot borrow the portal's own classes (a full-screen overlay, say),
 * code highlighted, and headings given ids for the table of contents.
 */
final class DocsHtml {

    /** The result for one page. */
    record Page(String title, String html, List<DocsHeading> toc, String text) {
    }

    private static final String BASE = "https://docs.invalid/";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,120}");
    private static final Pattern RASTER_DATA = Pattern.compile("data:image/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\\s]*",
            Pattern.CASE_INSENSITIVE);
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("details", "summary", "hr", "input", "del", "s", "mark", "kbd", "abbr", "figure", "figcaption", "var",
                    "samp", "section", "dfn", "nav")
            .addAttributes(":all", "class", "id", "title")
            .addAttributes("details", "open")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("td", "align")
            .addAttributes("th", "align")
            .addAttributes("code", "data-lang")
            .addAttributes("abbr", "title")
            .addProtocols("img", "src", "data")
            .preserveRelativeLinks(true);

    private DocsHtml() {
    }

    static Page process(String rawHtml, String declaredTitle, String pageSource, SiteLinks links, BuildLog log) {
        Document dirty = Jsoup.parseBodyFragment(rawHtml, BASE);
        Document doc = new Cleaner(SAFELIST).clean(dirty);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        rewriteLinks(body, pageSource, links, log);
        images(body, pageSource, links, log);
        for (Element input : body.select("input")) {
            if (!"checkbox".equalsIgnoreCase(input.attr("type"))) {
                input.remove();
            } else {
                input.attr("disabled", "disabled");
            }
        }
        String codeLanguage;
        for (Element code : body.select("pre > code")) {
            codeLanguage = language(code);
            if (codeLanguage != null) {
                code.attr("data-lang", codeLanguage);
            }
        }
        prefixClasses(body);
        for (Element code : body.select("pre > code[data-lang]")) {
            CodeHighlighter.highlight(code, code.attr("data-lang"));
        }
        List<DocsHeading> toc = headings(body);
        Element h1 = body.selectFirst("h1");
        String title = declaredTitle != null ? declaredTitle : h1 != null ? h1.text() : null;
        return new Page(title, body.html(), toc, body.text());
    }

    private static void rewriteLinks(Element body, String pageSource, SiteLinks links, BuildLog log) {
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (href.startsWith("#")) {
                continue;
            }
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
                a.attr("rel", "noopener noreferrer nofollow");
                continue;
            }
            if (href.startsWith("/")) {
                if (href.startsWith("//")) {
                    a.removeAttr("href");
                }
                continue;
            }
            String url = links.rewrite(pageSource, href, false);
            if (url == null) {
                log.warn(pageSource + ": link to " + href + " refused: it leaves the docs folder");
                a.removeAttr("href");
            } else if (url.isEmpty()) {
                log.warn(pageSource + ": link to " + href + " names no page or file of the docs");
                a.removeAttr("href");
            } else {
                a.attr("href", url);
            }
        }
    }

    private static void images(Element body, String pageSource, SiteLinks links, BuildLog log) {
        for (Element img : body.select("img")) {
            String src = img.attr("src").strip();
            String lower = src.toLowerCase(Locale.ROOT);
            if (src.isEmpty()) {
                img.remove();
            } else if (lower.startsWith("data:")) {
                if (!RASTER_DATA.matcher(src).matches()) {
                    log.warn(pageSource + ": an inline image that is not PNG, GIF, JPEG or WebP was removed");
                    img.remove();
                }
            } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
                img.attr("loading", "lazy");
            } else if (src.startsWith("/")) {
                if (src.startsWith("//")) {
                    img.remove();
                }
            } else {
                String url = links.rewrite(pageSource, src, true);
                if (url == null) {
                    log.warn(pageSource + ": image " + src + " refused: it leaves the docs folder");
                    img.remove();
                } else if (url.isEmpty()) {
                    log.warn(pageSource + ": image " + src + " not found in the docs folder");
                    img.remove();
                } else {
                    img.attr("src", url);
                }
            }
        }
    }

    private static String language(Element code) {
        for (String c : code.classNames()) {
            if (c.startsWith("language-") && c.length() > 9) {
                return c.substring(9).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#-]", "");
            }
        }
        String lang = code.attr("data-lang");
        return lang.isBlank() ? null : lang.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#-]", "");
    }

    private static void prefixClasses(Element body) {
        for (Element e : body.select("[class]")) {
            Set<String> prefixed = new java.util.LinkedHashSet<>();
            for (String c : e.classNames()) {
                if (!c.isBlank()) {
                    prefixed.add("td-" + c.replaceAll("[^A-Za-z0-9_-]", ""));
                }
            }
            e.classNames(prefixed);
        }
        Set<String> seen = new HashSet<>();
        for (Element e : body.select("[id]")) {
            String id = e.id();
            if (!SAFE_ID.matcher(id).matches() || !seen.add(id)) {
                e.removeAttr("id");
            }
        }
    }

    private static List<DocsHeading> headings(Element body) {
        Set<String> ids = new HashSet<>();
        for (Element e : body.select("[id]")) {
            ids.add(e.id());
        }
        List<DocsHeading> out = new ArrayList<>();
        for (Element h : body.select("h2, h3, h4")) {
            if (h.id().isEmpty()) {
                String slug = h.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                if (slug.isEmpty()) {
                    slug = "section";
                }
                String id = slug;
                for (int n = 1; ids.contains(id); n++) {
                    id = slug + "-" + n;
                }
                ids.add(id);
                h.id(id);
            }
            out.add(new DocsHeading(Integer.parseInt(h.tagName().substring(1)), h.id(), h.text()));
        }
        return out;
    }
}
