package dev.backlot.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a template's {@code parameters} pages (JSON Schema objects with {@code ui:*} options, as
 * Backstage's form does) into {@link FormField}s. {@code ui:order} orders fields; nested objects
 * become dotted fields ({@code repo.owner}); {@code dependencies} and {@code allOf}/{@code if/then}
 * add their properties to the page (validation then applies the conditions).
 */
public final class FormPages {

    private FormPages() {
    }

    /** One wizard step. */
    public record Page(String title, String description, Map<String, Object> schema, List<FormField> fields)
            implements java.io.Serializable {
    }

    @SuppressWarnings("unchecked")
    static List<Page> read(Object parameters) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        if (parameters instanceof Map<?, ?> m) {
            schemas.add((Map<String, Object>) m);
        } else if (parameters instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(p -> schemas.add((Map<String, Object>) p));
        }
        List<Page> pages = new ArrayList<>();
        for (Map<String, Object> schema : schemas) {
            List<FormField> fields = new ArrayList<>();
            fields(schema, "", fields);
            pages.add(new Page(String.valueOf(schema.getOrDefault("title", "Fill in some steps")),
                    String.valueOf(schema.getOrDefault("description", "")), schema, fields));
        }
        return pages;
    }

    @SuppressWarnings("unchecked")
    private static void fields(Map<String, Object> schema, String prefix, List<FormField> out) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> p) {
            properties.putAll((Map<String, Object>) p);
        }
        // dependencies, allOf/if-then and oneOf: their properties show too (the schema decides what is required)
        if (schema.get("dependencies") instanceof Map<?, ?> deps) {
            deps.values().forEach(d -> addProperties(d, properties));
        }
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.get(key) instanceof List<?> list) {
                for (Object branch : list) {
                    addProperties(branch, properties);
                    if (branch instanceof Map<?, ?> b) {
                        addProperties(b.get("then"), properties);
                        addProperties(b.get("else"), properties);
                    }
                }
            }
        }
        addProperties(schema.get("then"), properties);
        List<String> required = schema.get("required") instanceof List<?> r ? r.stream().map(String::valueOf).toList() : List.of();
        List<String> order = new ArrayList<>(properties.keySet());
        if (schema.get("ui:order") instanceof List<?> uiOrder) {
            List<String> wanted = uiOrder.stream().map(String::valueOf).filter(properties::containsKey).toList();
            order.removeAll(wanted);
            List<String> all = new ArrayList<>(wanted);
            all.addAll(order);
            order = all;
        }
        for (String name : order) {
            if (!(properties.get(name) instanceof Map<?, ?> raw)) {
                continue;
            }
            Map<String, Object> p = (Map<String, Object>) raw;
            String path = prefix + name;
            if ("object".equals(p.get("type")) && p.get("properties") instanceof Map<?, ?>) {
                fields(p, path + ".", out);
                continue;
            }
            out.add(field(path, p, required.contains(name)));
        }
    }

    @SuppressWarnings("unchecked")
    private static void addProperties(Object branch, Map<String, Object> into) {
        if (branch instanceof Map<?, ?> b && b.get("properties") instanceof Map<?, ?> p) {
            ((Map<String, Object>) p).forEach(into::putIfAbsent);
        } else if (branch instanceof List<?> list) {
            list.forEach(item -> addProperties(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static FormField field(String path, Map<String, Object> p, boolean required) {
        String type = String.valueOf(p.getOrDefault("type", "string"));
        String widget = String.valueOf(p.getOrDefault("ui:widget", ""));
        String uiField = String.valueOf(p.getOrDefault("ui:field", ""));
        Map<String, Object> options = p.get("ui:options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
        List<FormField.Choice> choices = new ArrayList<>();
        Object enumValues = p.get("enum");
        Map<String, Object> items = p.get("items") instanceof Map<?, ?> i ? (Map<String, Object>) i : Map.of();
        if (enumValues == null && items.get("enum") != null) {
            enumValues = items.get("enum");
        }
        Object enumNames = p.get("enumNames") != null ? p.get("enumNames") : items.get("enumNames");
        if (enumValues instanceof List<?> values) {
            for (int i = 0; i < values.size(); i++) {
                String label = enumNames instanceof List<?> names && i < names.size() ? String.valueOf(names.get(i))
                        : String.valueOf(values.get(i));
                choices.add(new FormField.Choice(String.valueOf(values.get(i)), label));
            }
        }
        String kind;
        if ("RepoUrlPicker".equals(uiField)) {
            kind = "repo";
        } else if ("EntityPicker".equals(uiField) || "OwnerPicker".equals(uiField)) {
            kind = "entity";
        } else if ("MultiEntityPicker".equals(uiField)) {
            kind = "entities";
        } else if ("EntityTagsPicker".equals(uiField)) {
            kind = "chips";
        } else if ("array".equals(type)) {
            kind = choices.isEmpty() ? "chips" : "multiselect";
        } else if (!choices.isEmpty()) {
            kind = "radio".equals(widget) ? "radio" : "select";
        } else if ("boolean".equals(type)) {
            kind = "boolean";
        } else if ("integer".equals(type)) {
            kind = "integer";
        } else if ("number".equals(type)) {
            kind = "number";
        } else if ("textarea".equals(widget)) {
            kind = "textarea";
        } else if ("password".equals(widget) || "Secret".equals(uiField)) {
            kind = "password";
        } else {
            kind = "text";
        }
        List<String> kinds = new ArrayList<>();
        if (options.get("allowedKinds") instanceof List<?> k) {
            k.forEach(v -> kinds.add(String.valueOf(v)));
        }
        if (options.get("catalogFilter") instanceof Map<?, ?> filter && filter.get("kind") != null) {
            Object k = filter.get("kind");
            if (k instanceof List<?> l) {
                l.forEach(v -> kinds.add(String.valueOf(v)));
            } else {
                kinds.add(String.valueOf(k));
            }
        }
        if (kinds.isEmpty() && options.get("defaultKind") != null) {
            kinds.add(String.valueOf(options.get("defaultKind")));
        }
        if (kinds.isEmpty() && "OwnerPicker".equals(uiField)) {
            kinds.addAll(List.of("Group", "User"));
        }
        List<String> hosts = new ArrayList<>();
        if (options.get("allowedHosts") instanceof List<?> h) {
            h.forEach(v -> hosts.add(String.valueOf(v)));
        }
        return new FormField(path, String.valueOf(p.getOrDefault("title", path)), String.valueOf(p.getOrDefault("description", "")),
                kind, required, "password".equals(kind), Boolean.TRUE.equals(p.get("ui:readonly")),
                Boolean.TRUE.equals(p.get("ui:autofocus")), p.get("ui:placeholder") == null ? "" : String.valueOf(p.get("ui:placeholder")),
                p.get("ui:help") == null ? "" : String.valueOf(p.get("ui:help")), choices, kinds, hosts);
    }
}
