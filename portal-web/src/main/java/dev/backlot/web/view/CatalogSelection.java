package dev.backlot.web.view;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityQuery;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the catalog page shows, as it travels in the URL: a kind, facet filters, a text term,
 * "owned by me", a page and a sort. Maps to the catalog's {@link EntityQuery} and back to a query
 * string, so that reload, back and a shared link show the same list.
 *
 * <pre>
 * /catalog?kind=component&amp;type=service,website&amp;owner=payments&amp;q=pay&amp;mine=true&amp;page=2&amp;sort=-name
 * </pre>
 *
 * <p>Facet parameters hold several values separated by commas; {@code kind=all} lists every kind.
 */
public final class CatalogSelection implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_KIND = "component";
    public static final String ALL_KINDS = "all";
    /** URL parameter → entity field, for the facet filters. */
    public static final Map<String, String> FACETS = facets();
    /** Sortable column → entity field. */
    public static final Map<String, String> SORTS = Map.of("name", "metadata.name", "kind", "kind", "type", "spec.type",
            "owner", "spec.owner", "lifecycle", "spec.lifecycle");
    /** Where the text filter looks. */
    /** What the text filter looks in: names, titles, descriptions, people's names and e-mails, tags. */
    public static final List<String> TEXT_FIELDS = List.of("metadata.name", "metadata.title", "metadata.description",
            "spec.profile.displayName", "spec.profile.email", "metadata.tags");

    private String kind = DEFAULT_KIND;
    private final Map<String, List<String>> facetValues = new LinkedHashMap<>();
    private String q;
    private boolean mine;
    private int page = 1;
    private String sort;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null || kind.isBlank() ? DEFAULT_KIND : kind.trim();
    }

    /** The selected values of a facet parameter ({@code type}, {@code owner}, ...). */
    public List<String> values(String param) {
        return facetValues.getOrDefault(param, List.of());
    }

    public void setValues(String param, List<String> values) {
        facetValues.put(param, values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null || q.isBlank() ? null : q.trim();
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    /** The 1-based page. */
    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }

    /** A column of {@link #SORTS}, prefixed with {@code -} for descending; null for the default (name). */
    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        String column = sort == null ? null : sort.startsWith("-") ? sort.substring(1) : sort;
        this.sort = column != null && SORTS.containsKey(column) ? sort : null;
    }

    /**
     * The catalog filter: kind AND each facet (any of its values) AND, for "owned by me", any of the
     * caller's references.
     *
     * @param myRefs the caller's user and group references; used only when {@link #isMine()}
     */
    public EntityFilter toFilter(List<String> myRefs) {
        StringJoiner statements = new StringJoiner(",");
        if (!ALL_KINDS.equalsIgnoreCase(kind)) {
            statements.add("kind=" + kind);
        }
        FACETS.forEach((param, field) -> values(param).forEach(v -> statements.add(field + "=" + v)));
        if (mine) {
            List<String> refs = myRefs.isEmpty() ? List.of("user:default/-nobody-") : myRefs;
            refs.forEach(ref -> statements.add("relations.ownedby=" + ref));
        }
        // EntityFilter.parse reads a repeated key in one statement list as "any of these values".
        return EntityFilter.parse(List.of(statements.toString()));
    }

    /** The query for one page of the table; the sort here wins over the URL's when given. */
    public EntityQuery toQuery(List<String> myRefs, int offset, int limit, EntityOrder order) {
        EntityOrder o = order != null ? order : defaultOrder();
        return new EntityQuery(toFilter(myRefs), List.of(o), offset, limit, q, TEXT_FIELDS);
    }

    /** The order the URL asks for, by name when it asks for none. */
    public EntityOrder defaultOrder() {
        if (sort == null) {
            return new EntityOrder("metadata.name", true);
        }
        boolean descending = sort.startsWith("-");
        return new EntityOrder(SORTS.get(descending ? sort.substring(1) : sort), !descending);
    }

    /** The query string ({@code kind=…&…}, no {@code ?}) with only what differs from the defaults. */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!DEFAULT_KIND.equalsIgnoreCase(kind)) {
            parts.add("kind=" + encode(kind));
        }
        FACETS.keySet().forEach(param -> {
            if (!values(param).isEmpty()) {
                parts.add(param + "=" + encode(join(values(param))));
            }
        });
        if (q != null) {
            parts.add("q=" + encode(q));
        }
        if (mine) {
            parts.add("mine=true");
        }
        if (page > 1) {
            parts.add("page=" + page);
        }
        if (sort != null) {
            parts.add("sort=" + encode(sort));
        }
        return String.join("&", parts);
    }

    /** {@code a,b} → [a, b]; blank → []. */
    public static List<String> split(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "spec.type");
        m.put("owner", "spec.owner");
        m.put("lifecycle", "spec.lifecycle");
        m.put("tag", "metadata.tags");
        m.put("namespace", "metadata.namespace");
        return java.util.Collections.unmodifiableMap(m);
    }
}
