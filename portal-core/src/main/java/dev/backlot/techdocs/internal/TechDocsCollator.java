package dev.backlot.techdocs.internal;

import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The search documents of type {@code techdocs}: one per page, and one per section of a page (an
 * {@code h2}-{@code h4} with its text up to the next heading) so that a result opens at the heading.
 * Each carries the entity's {@code kind}, {@code namespace}, {@code name}, {@code owner} and
 * {@code entityRef}.
 */
public final class TechDocsCollator implements SearchCollator {

    /** The search document type. */
    public static final String TYPE = "techdocs";

    /** A site and how to read the HTML of its pages. */
    public interface Sites {
        List<StoredSite> sites();

        Optional<String> html(StoredSite site, StoredSite.StoredPage page);
    }

    private final Supplier<Sites> sites;

    public TechDocsCollator(Supplier<Sites> sites) {
        this.sites = sites;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> documents() {
        Sites source = sites.get();
        List<SearchDocument> out = new ArrayList<>();
        for (StoredSite site : source.sites()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", kindAsWritten(site.kind()));
            fields.put("namespace", site.namespace());
            fields.put("name", site.name());
            fields.put("owner", site.owner() == null ? "" : site.owner());
            fields.put("entityRef", site.entityRef());
            String base = "/docs/" + site.namespace() + "/" + site.kind() + "/" + site.name() + "/";
            for (StoredSite.StoredPage page : site.pages()) {
                Optional<String> html = source.html(site, page);
                if (html.isEmpty()) {
                    continue;
                }
                Element body = Jsoup.parseBodyFragment(html.get()).body();
                String location = base + page.path();
                out.add(new SearchDocument(page.title(), body.text(), location, fields));
                for (Element heading : body.select("h2[id], h3[id], h4[id]")) {
                    out.add(new SearchDocument(page.title() + " › " + heading.text(), sectionText(heading),
                            location + "#" + heading.id(), fields));
                }
            }
        }
        return out.stream();
    }

    /**
     * The kind as descriptors and the catalog's search documents spell it ({@code Component},
     * {@code API}), from the lower-case form of a docs path, so that a kind facet or filter puts
     * docs pages beside their entities. A kind Backstage does not define gets a capital first letter.
     */
    static String kindAsWritten(String kind) {
        return switch (kind) {
            case "api" -> "API";
            case "" -> kind;
            default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        };
    }

    /** The text after a heading up to the next heading of any level. */
    private static String sectionText(Element heading) {
        StringBuilder text = new StringBuilder();
        for (Node n = heading.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element e) {
                if (e.tagName().matches("h[1-6]")) {
                    break;
                }
                if (!e.select("h1, h2, h3, h4, h5, h6").isEmpty()) {
                    break;
                }
                text.append(e.text()).append(' ');
            } else if (n instanceof org.jsoup.nodes.TextNode t) {
                text.append(t.text()).append(' ');
            }
        }
        return text.toString().strip();
    }
}
