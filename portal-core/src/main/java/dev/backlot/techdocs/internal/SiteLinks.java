package dev.backlot.techdocs.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the pages and assets of one site are served, for rewriting the links a page was written with
 * ({@code ../guide/setup.md#install}, {@code other.html} from an AsciiDoc cross reference,
 * {@code img/arch.png}) into portal URLs.
 *
 * @param base the site's reader URL, e.g. {@code /docs/default/component/payments/}
 * @param staticBase the site's static API URL, e.g. {@code /api/techdocs/static/docs/default/component/payments/}
 * @param pages page source path inside the docs dir to its page path ({@code guide/setup.md -> guide/setup/})
 * @param assets asset paths inside the docs dir
 * @param extensions the page file endings
 */
record SiteLinks(String base, String staticBase, Map<String, String> pages, Set<String> assets, Set<String> extensions) {

    /** The reader path of a page source inside the docs dir: {@code a/b.md -> a/b/}, {@code a/index.md -> a/}. */
    static String pagePath(String source) {
        int dot = source.lastIndexOf('.');
        String stem = dot > source.lastIndexOf('/') ? source.substring(0, dot) : source;
        String file = stem.substring(stem.lastIndexOf('/') + 1);
        String dir = stem.substring(0, stem.length() - file.length());
        if (file.equalsIgnoreCase("index") || file.equalsIgnoreCase("readme")) {
            return dir;
        }
        return stem + "/";
    }

    /**
     * The portal URL for a relative link written in the page at {@code pageSource}, or {@code null}
     * when it leaves the docs folder; {@code ""} when it names nothing of the site.
     */
    String rewrite(String pageSource, String href, boolean image) {
        String fragment = "";
        int hash = href.indexOf('#');
        if (hash >= 0) {
            fragment = href.substring(hash);
            href = href.substring(0, hash);
        }
        int query = href.indexOf('?');
        if (query >= 0) {
            href = href.substring(0, query);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        String dir = pageSource.contains("/") ? pageSource.substring(0, pageSource.lastIndexOf('/')) : "";
        String target = decoded.isEmpty() ? pageSource : PageSource.resolve(dir, decoded);
        if (target == null) {
            return null;
        }
        if (!image) {
            String page = page(target);
            if (page != null) {
                return base + encode(page) + fragment;
            }
        }
        if (assets.contains(target)) {
            return staticBase + encode(target);
        }
        return "";
    }

    private String page(String target) {
        if (pages.containsKey(target)) {
            return pages.get(target);
        }
        String trimmed = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) {
            String stem = trimmed.substring(0, trimmed.length() - 5);
            for (String ext : extensions) {
                if (pages.containsKey(stem + ext)) {
                    return pages.get(stem + ext);
                }
            }
            if (stem.endsWith("/index") || stem.equals("index")) {
                trimmed = stem.equals("index") ? "" : stem.substring(0, stem.length() - 6);
            }
        }
        String prefix = trimmed.isEmpty() ? "" : trimmed + "/";
        for (String name : new String[] {"index", "README", "readme"}) {
            for (String ext : extensions) {
                if (pages.containsKey(prefix + name + ext)) {
                    return pages.get(prefix + name + ext);
                }
            }
        }
        // A link to a page's URL form (guide/setup/) rather than its file.
        String asPath = prefix;
        return pages.containsValue(asPath) ? asPath : null;
    }

    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
