package dev.backlot.search.internal;

import dev.backlot.search.SearchQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Turns what a user typed into a Solr request that searches exactly those words: never Solr
 * syntax, never local parameters, never a field query.
 *
 * <ul>
 * <li>The term is cut to {@link SearchQuery#MAX_TERM_CHARS} and {@link #MAX_WORDS} words, control
 *     characters dropped. Each word is escaped ({@code \}-escaping every character the query parser
 *     gives a meaning: {@code " : ( ) { } ! * \ ...}); the operators {@code AND OR NOT} are folded
 *     to lower case, which the parser reads as words. Quotes that balance make phrases, whose inside
 *     is escaped too; unbalanced quotes are words' characters like any other.</li>
 * <li>edismax with {@code uf=-*} (no field queries even if a colon slipped through) and a query
 *     that cannot start with {@code {!} (it starts with a word or an escaped character).</li>
 * <li>Filters and types never enter a query string: each value is a request parameter that a
 *     {@code terms} query of a fixed field dereferences ({@code v=$fv0}), and field names come from
 *     a fixed list plus the plugin field names the index holds.</li>
 * </ul>
 */
final class SolrQueries {

    static final int MAX_WORDS = 32;
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE_CHARS = 256;
    /** The deepest page offset answered: deep paging is costly and no one reads result 10,001. */
    static final int MAX_START = 10_000;
    static final String PRE_TAG = "<mark>";
    static final String POST_TAG = "</mark>";
    /** The separator of values in one {@code terms} query: a character stripped from every value. */
    static final String SEPARATOR = "\u001f";
    /** Facets the page shows, by the name of their filter; {@code types} is the document type. */
    static final List<String> FACETS = List.of("types", "kind", "lifecycle", "owner", "type", "tags", "namespace", "system");
    static final String QF = "name_exact^20 name^8 title^6 tags_t^3 text";
    static final String PF = "title^4 text^2";
    static final String FIELDS = "id,doctype,title,text,location,name,kind,namespace,owner,lifecycle,type,system,tags,*_pf,score";

    private SolrQueries() {
    }

    /**
     * The Solr request for {@code query}.
     *
     * @param pluginFields the plugin field names documents in the index carry (filterable too)
     * @throws IllegalArgumentException for a filter on an unknown field or a bad cursor
     */
    static SolrQuery search(SearchQuery query, Set<String> pluginFields) {
        String words = userQuery(query.term());
        SolrQuery solr = new SolrQuery();
        solr.set("defType", "edismax");
        if (words.isEmpty()) {
            solr.set("q.alt", "*:*");
        } else {
            solr.setQuery(words);
            solr.set("spellcheck", true);
            solr.set("spellcheck.q", spellWords(query.term()));
            solr.set("spellcheck.collate", true);
            solr.set("spellcheck.maxCollations", 1);
            solr.set("spellcheck.maxCollationTries", 5);
        }
        solr.set("qf", QF);
        solr.set("pf", PF);
        solr.set("uf", "-*");
        solr.set("lowercaseOperators", false);
        solr.set("mm", "2<-1 5<75%");
        // Boosts (solr-config/README.md): the kinds people look for most, and documents with an owner.
        solr.add("bq", "kind:(Component OR API OR System)^2");
        solr.add("bq", "has_owner:true^1");
        solr.set("fl", FIELDS);
        int page = page(query.pageCursor());
        int start = page * query.pageLimit();
        if (start > MAX_START) {
            throw new IllegalArgumentException("pageCursor goes past the first " + MAX_START + " results");
        }
        solr.setStart(start);
        solr.setRows(query.pageLimit());
        solr.addSort("score", SolrQuery.ORDER.desc);
        solr.addSort("id", SolrQuery.ORDER.asc);

        solr.setHighlight(true);
        solr.set("hl.method", "unified");
        solr.set("hl.fl", "title,text");
        solr.set("hl.tag.pre", PRE_TAG);
        solr.set("hl.tag.post", POST_TAG);
        solr.set("hl.fragsize", 200);
        solr.set("hl.snippets", 1);
        solr.set("hl.defaultSummary", false);

        int param = 0;
        if (!query.types().isEmpty()) {
            solr.set("ftypes", values(query.types()));
            solr.addFilterQuery("{!terms tag=ftypes f=doctype separator=$fsep v=$ftypes}");
        }
        for (Map.Entry<String, List<String>> filter : new java.util.TreeMap<>(query.filters()).entrySet()) {
            String field = filterField(filter.getKey(), pluginFields);
            List<String> lower = filter.getValue().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
            String name = "fv" + param++;
            solr.set(name, values(lower));
            solr.addFilterQuery("{!terms tag=f" + param + " f=" + field + " separator=$fsep v=$" + name + "}");
        }
        solr.set("fsep", SEPARATOR);

        solr.setFacet(true);
        solr.setFacetMinCount(1);
        solr.setFacetLimit(20);
        solr.addFacetField("{!ex=ftypes key=types}doctype");
        int tag = 0;
        Map<String, Integer> tags = new java.util.HashMap<>();
        for (String f : new java.util.TreeMap<>(query.filters()).keySet()) {
            tags.put(f, ++tag);
        }
        for (String facet : FACETS.subList(1, FACETS.size())) {
            Integer t = tags.get(facet);
            solr.addFacetField((t == null ? "{!key=" + facet + "}" : "{!ex=f" + t + " key=" + facet + "}") + facet);
        }
        return solr;
    }

    /** The Solr request for the header's suggestions: word starts of names and titles, entities first. */
    static SolrQuery suggest(String prefix, int limit) {
        SolrQuery solr = new SolrQuery();
        String words = userQuery(prefix.strip());
        solr.set("defType", "edismax");
        solr.setQuery(words);
        solr.set("qf", "suggest name_exact^5");
        solr.set("uf", "-*");
        solr.set("lowercaseOperators", false);
        solr.set("mm", "100%");
        solr.add("bq", "doctype:\"software-catalog\"^10");
        solr.set("fl", "title,location,doctype,kind,owner");
        solr.setRows(limit);
        solr.addSort("score", SolrQuery.ORDER.desc);
        solr.addSort("id", SolrQuery.ORDER.asc);
        return solr;
    }

    /** The term as escaped words and phrases; empty when nothing searchable is left. */
    static String userQuery(String term) {
        String clean = clean(term);
        boolean phrases = clean.chars().filter(c -> c == '"').count() % 2 == 0;
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < clean.length() && parts.size() < MAX_WORDS) {
            char c = clean.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' && phrases) {
                int end = clean.indexOf('"', i + 1);
                String inside = clean.substring(i + 1, end).strip();
                if (!inside.isEmpty()) {
                    parts.add('"' + ClientUtils.escapeQueryChars(inside) + '"');
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < clean.length() && !Character.isWhitespace(clean.charAt(end))
                        && !(phrases && clean.charAt(end) == '"')) {
                    end++;
                }
                parts.add(word(clean.substring(i, end)));
                i = end;
            }
        }
        return String.join(" ", parts);
    }

    private static String word(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        // Operators the parser would obey; in lower case (lowercaseOperators=false) they are words.
        if (lower.equals("and") || lower.equals("or") || lower.equals("not")) {
            return lower;
        }
        return ClientUtils.escapeQueryChars(w);
    }

    /** Letters, digits and spaces only: what the spell checker looks at. */
    static String spellWords(String term) {
        return clean(term).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String clean(String term) {
        String cut = term.length() > SearchQuery.MAX_TERM_CHARS ? term.substring(0, SearchQuery.MAX_TERM_CHARS) : term;
        // No control characters (a NUL or the value separator), no unpaired surrogates at the cut.
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.isValidCodePoint(cp)
                && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String values(List<String> values) {
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("At most " + MAX_VALUES + " values per filter, got " + values.size());
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String value = v.replace(SEPARATOR, "");
            if (value.length() > MAX_VALUE_CHARS) {
                throw new IllegalArgumentException("A filter value is longer than " + MAX_VALUE_CHARS + " characters");
            }
            out.add(value);
        }
        return String.join(SEPARATOR, out);
    }

    /** The case-folded index field a filter name reads, or a 400 naming the filters there are. */
    static String filterField(String name, Set<String> pluginFields) {
        if (SolrDocuments.TYPED.contains(name)) {
            return name + "_lc";
        }
        if (name.equals("name")) {
            return "name_exact";
        }
        if (pluginFields.contains(name) && SolrDocuments.FIELD_NAME.matcher(name).matches()) {
            return name + "_pfl";
        }
        Set<String> known = new TreeSet<>(SolrDocuments.TYPED);
        known.add("name");
        known.addAll(pluginFields);
        throw new IllegalArgumentException("Unknown filter field '" + printable(name) + "'; filters: " + known
                + " (and types[] for the document type)");
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("[^\\p{L}\\p{N}_.\\- ]", "?");
    }

    /** The page a cursor names: Backstage's cursors are the page number in base64. */
    static int page(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (!decoded.matches("\\d{1,6}")) {
                throw new IllegalArgumentException("Malformed pageCursor");
            }
            return Integer.parseInt(decoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed pageCursor: use nextPageCursor or previousPageCursor of a result");
        }
    }

    static String cursor(int page) {
        return Base64.getEncoder().encodeToString(Integer.toString(page).getBytes(StandardCharsets.UTF_8));
    }
}
