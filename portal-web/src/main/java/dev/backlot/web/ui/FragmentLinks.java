package dev.backlot.web.ui;

import dev.backlot.model.SafeLinks;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes unsafe URLs out of the markup a plugin fragment rendered, before it reaches the page: any
 * {@code href}, {@code src}, {@code action}, {@code formaction}, {@code xlink:href}, {@code data},
 * {@code poster} or {@code srcset} whose scheme is not {@code http}, {@code https} or {@code mailto}
 * (see {@link SafeLinks}) is removed, and the element is marked {@code data-unsafe-url} with the
 * text of the URL, so a link becomes its text. A plugin that renders a descriptor's
 * {@code javascript:} link cannot turn it into stored XSS; the page's Content-Security-Policy
 * stops inline scripts and {@code on*} handlers without the page's nonce.
 *
 * <p>Markup without any such attribute is returned as it was, untouched.
 */
final class FragmentLinks {

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "srcset", "background");

    private FragmentLinks() {
    }

    static String neutralise(String html) {
        if (!mayHoldUnsafeUrl(html)) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element element : doc.body().getAllElements()) {
            for (Attribute attribute : element.attributes().asList()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                if (URL_ATTRIBUTES.contains(name) && !safe(name, attribute.getValue())) {
                    element.removeAttr(attribute.getKey());
                    element.attr("data-unsafe-url", attribute.getValue());
                    changed = true;
                }
            }
        }
        return changed ? doc.body().html() : html;
    }

    private static boolean safe(String attribute, String value) {
        if (!attribute.equals("srcset")) {
            return SafeLinks.isSafe(value);
        }
        for (String candidate : value.split(",")) {
            String url = candidate.trim().split("\\s+")[0];
            if (!url.isEmpty() && !SafeLinks.isSafe(url)) {
                return false;
            }
        }
        return true;
    }

    /** A cheap first look: a colon inside the markup is needed to spell any scheme at all. */
    private static boolean mayHoldUnsafeUrl(String html) {
        return html.indexOf(':') >= 0 || html.indexOf("&#") >= 0;
    }
}
