package dev.backlot.search.internal;

import dev.backlot.spi.search.SearchDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.solr.common.SolrInputDocument;

/**
 * How a {@link SearchDocument} is written to the index: its id, its typed fields (kind, owner...
 * as given, for facets; case folded copies for filters) and a plugin's own fields as dynamic
 * fields ({@code <name>_pf}). See solr-config/README.md for the schema.
 */
final class SolrDocuments {

    /** The fields every document type may fill, which the schema types and the page facets. */
    static final Set<String> TYPED = Set.of("kind", "namespace", "owner", "lifecycle", "type", "system", "tags");
    /** A plugin field's name: what a dynamic field name and a filter parameter can carry safely. */
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final String PLUGIN_SUFFIX = "_pf";
    private static final Pattern DOC_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TEXT_CHARS = 100_000;
    private static final int MAX_ID_CHARS = 512;

    private SolrDocuments() {
    }

    /** Whether a collator's type can be indexed (it is also a URL parameter and a filter value). */
    static boolean validType(String type) {
        return type != null && DOC_TYPE.matcher(type).matches();
    }

    /** The document's id: type and the collator's id, or type and location when it gave none. */
    static String id(String type, SearchDocument doc) {
        String key = doc.id() != null && !doc.id().isBlank() ? doc.id() : doc.location();
        String id = type + "|" + key;
        return id.length() <= MAX_ID_CHARS ? id : type + "|sha256:" + sha256(key);
    }

    static SolrInputDocument toSolr(String type, long generation, SearchDocument doc) {
        SolrInputDocument out = new SolrInputDocument();
        out.setField("id", id(type, doc));
        out.setField("doctype", type);
        out.setField("gen", generation);
        out.setField("title", doc.title());
        out.setField("text", cut(doc.text()));
        out.setField("location", doc.location());
        String name = doc.fields().getOrDefault("name", "");
        if (!name.isBlank()) {
            out.setField("name", name);
        }
        out.setField("name_exact", name.isBlank() ? doc.title() : name);
        Set<String> own = new LinkedHashSet<>();
        for (Map.Entry<String, String> field : doc.fields().entrySet()) {
            String key = field.getKey();
            String value = field.getValue();
            if (value == null || value.isBlank() || key.equals("name")) {
                continue;
            }
            if (key.equals("tags")) {
                for (String tag : value.split(",")) {
                    if (!tag.isBlank()) {
                        out.addField("tags", tag.trim());
                    }
                }
            } else if (TYPED.contains(key)) {
                out.setField(key, value);
            } else if (FIELD_NAME.matcher(key).matches()) {
                out.setField(key + PLUGIN_SUFFIX, cut(value));
                out.setField(key + "_pfl", value.toLowerCase(Locale.ROOT));
                own.add(key);
            }
        }
        out.setField("has_owner", doc.fields().containsKey("owner") && !doc.fields().get("owner").isBlank());
        if (!own.isEmpty()) {
            out.setField("fieldnames", own);
        }
        return out;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
