package dev.backlot.search.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The built-in document types made from the catalog: every entity ({@code software-catalog}, at
 * {@code /catalog/{namespace}/{kind}/{name}}) and every Template entity ({@code template}, at
 * {@code /create/templates/{namespace}/{name}}). Only what every reader of the catalog may see goes
 * in: names, titles, descriptions, spec fields; never annotations (they name files on the server).
 */
final class CatalogDocuments {

    static final String CATALOG_TYPE = "software-catalog";
    static final String TEMPLATE_TYPE = "template";
    private static final int PAGE = 1_000;

    private CatalogDocuments() {
    }

    /** The collator of {@code software-catalog}: the whole catalog, for a full rebuild. */
    static SearchCollator catalog(CatalogService catalog) {
        return collator(CATALOG_TYPE, catalog, EntityFilter.ALL, CatalogDocuments::entity);
    }

    /** The collator of {@code template}: every Template entity. */
    static SearchCollator templates(CatalogService catalog) {
        return collator(TEMPLATE_TYPE, catalog, EntityFilter.parse(List.of("kind=template")), CatalogDocuments::template);
    }

    static boolean isTemplate(Entity entity) {
        return entity.kind().equalsIgnoreCase("Template");
    }

    static SearchDocument entity(Entity e) {
        Map<String, String> fields = fields(e);
        StringBuilder text = new StringBuilder(e.description() == null ? "" : e.description());
        Object profile = e.spec().get("profile");
        if (profile instanceof Map<?, ?> p) {
            for (String key : List.of("displayName", "email")) {
                if (p.get(key) instanceof String s) {
                    text.append(' ').append(s);
                }
            }
        }
        return new SearchDocument(title(e), text.toString().strip(), location(e.ref()), fields);
    }

    static SearchDocument template(Entity e) {
        return new SearchDocument(title(e), e.description(), templateLocation(e.ref()), fields(e));
    }

    static String location(EntityRef ref) {
        return "/catalog/" + segment(ref.namespace()) + "/" + segment(ref.kind()) + "/" + segment(ref.name());
    }

    static String templateLocation(EntityRef ref) {
        return "/create/templates/" + segment(ref.namespace()) + "/" + segment(ref.name());
    }

    private static Map<String, String> fields(Entity e) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", e.name());
        fields.put("kind", e.kind());
        fields.put("namespace", e.namespace());
        for (String spec : List.of("owner", "lifecycle", "type", "system")) {
            String value = e.specText(spec);
            if (value != null && !value.isBlank()) {
                fields.put(spec, value);
            }
        }
        if (!e.tags().isEmpty()) {
            fields.put("tags", String.join(",", e.tags()));
        }
        return fields;
    }

    private static String title(Entity e) {
        String title = e.title();
        return title == null || title.isBlank() ? e.name() : title;
    }

    private static String segment(String s) {
        return URLEncoder.encode(s.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SearchCollator collator(String type, CatalogService catalog, EntityFilter filter,
            Function<Entity, SearchDocument> map) {
        return new SearchCollator() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Stream<SearchDocument> documents() {
                // Page through the catalog: one page of entities in memory at a time.
                var pages = new java.util.Iterator<List<Entity>>() {
                    int offset;
                    boolean done;

                    @Override
                    public boolean hasNext() {
                        return !done;
                    }

                    @Override
                    public List<Entity> next() {
                        List<Entity> page = catalog.entities(new EntityQuery(filter, List.of(), offset, PAGE, null, List.of()));
                        offset += page.size();
                        done = page.size() < PAGE;
                        return new ArrayList<>(page);
                    }
                };
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
                        .flatMap(List::stream).map(map);
            }
        };
    }
}
