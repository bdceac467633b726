package dev.backlot.catalog.internal.model;

import java.util.List;
import java.util.Map;

/** The {@code metadata} rules of reference §1.2 (Backstage's {@code FieldFormatEntityPolicy} and {@code EntityMeta} schema). */
final class MetadataRules {

    private MetadataRules() {
    }

    static void check(Object value, Problems problems) {
        Map<?, ?> metadata = Tree.map(value);
        if (metadata == null) {
            problems.invalid("metadata", value, "must be an object with at least a name");
            return;
        }
        if (!metadata.containsKey("name")) {
            problems.missing("metadata.name", "every entity needs a name, " + FieldFormats.NAME_RULE);
        } else if (!(metadata.get("name") instanceof String name && FieldFormats.isName(name))) {
            problems.invalid("metadata.name", metadata.get("name"), FieldFormats.NAME_RULE);
        }
        Object namespace = metadata.get("namespace");
        // null and "" are what Backstage's DefaultNamespaceEntityPolicy replaces with "default".
        if (namespace != null && !"".equals(namespace)
                && !(namespace instanceof String ns && FieldFormats.isNamespace(ns))) {
            problems.invalid("metadata.namespace", namespace, FieldFormats.NAMESPACE_RULE);
        }
        for (String field : List.of("uid", "etag", "title")) {
            if (metadata.containsKey(field)) {
                problems.text("metadata." + field, metadata.get(field));
            }
        }
        if (metadata.containsKey("description") && !(metadata.get("description") instanceof String)) {
            problems.invalid("metadata.description", metadata.get("description"), "must be a string");
        }
        checkKeyedStrings(metadata, "labels", problems);
        checkKeyedStrings(metadata, "annotations", problems);
        checkTags(metadata, problems);
        checkLinks(metadata, problems);
    }

    private static void checkKeyedStrings(Map<?, ?> metadata, String field, Problems problems) {
        if (!metadata.containsKey(field)) {
            return;
        }
        String path = "metadata." + field;
        Map<?, ?> entries = Tree.map(metadata.get(field));
        if (entries == null) {
            problems.invalid(path, metadata.get(field), "must be an object of string keys to string values");
            return;
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!(entry.getKey() instanceof String k && FieldFormats.isKey(k))) {
                problems.invalid(path + " key", key, FieldFormats.KEY_RULE);
            }
            Object val = entry.getValue();
            String valuePath = path + "[" + Problems.show(key) + "]";
            if (!(val instanceof String text)) {
                problems.invalid(valuePath, val, "must be a string");
            } else if (field.equals("labels") && !FieldFormats.isLabelValue(text)) {
                problems.invalid(valuePath, text, FieldFormats.LABEL_VALUE_RULE);
            }
        }
    }

    private static void checkTags(Map<?, ?> metadata, Problems problems) {
        if (!metadata.containsKey("tags")) {
            return;
        }
        List<?> tags = Tree.list(metadata.get("tags"));
        if (tags == null) {
            problems.invalid("metadata.tags", metadata.get("tags"), "must be a list of tags, each " + FieldFormats.TAG_RULE);
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!(tags.get(i) instanceof String tag && FieldFormats.isTag(tag))) {
                problems.invalid("metadata.tags[" + i + "]", tags.get(i), FieldFormats.TAG_RULE);
            }
        }
    }

    private static void checkLinks(Map<?, ?> metadata, Problems problems) {
        if (!metadata.containsKey("links")) {
            return;
        }
        List<?> links = Tree.list(metadata.get("links"));
        if (links == null) {
            problems.invalid("metadata.links", metadata.get("links"), "must be a list of {url, title?, icon?, type?}");
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            String path = "metadata.links[" + i + "]";
            Map<?, ?> link = Tree.map(links.get(i));
            if (link == null) {
                problems.invalid(path, links.get(i), "must be an object {url, title?, icon?, type?}");
                continue;
            }
            if (!link.containsKey("url")) {
                problems.missing(path + ".url", "every link needs " + FieldFormats.URL_RULE);
            } else if (!(link.get("url") instanceof String url && FieldFormats.isAbsoluteUrl(url))) {
                problems.invalid(path + ".url", link.get("url"), "must be " + FieldFormats.URL_RULE);
            }
            for (String field : List.of("title", "icon", "type")) {
                if (link.containsKey(field)) {
                    problems.text(path + "." + field, link.get(field));
                }
            }
        }
    }
}
