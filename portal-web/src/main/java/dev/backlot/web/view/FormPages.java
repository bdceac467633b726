package dev.backlot.web.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a template's {@code parameters} pages (JSON Schema objects with {@code ui:*} options, as
 * Backstage's form does) into {@link FormField}s. {@code ui:order} orders fields; a nested object
 * ({@code type: object} with {@code properties}) becomes a {@code group} field holding its own
 * fields. Every property any condition may bring ({@code dependencies}, {@code allOf}/{@code if}/
 * {@code then}/{@code else}, {@code oneOf}/{@code anyOf}) becomes a field once;
 * {@link FormVisibility} decides for the current values which of them show.
 */
public final class FormPages {

    private FormPages() {
    }

    /** One wizard step. */
    public record Page(String title, String description, Map<String, Object> schema, List<FormField> fields)
            implements java.io.Serializable {
    }

    static List<Page> read(Object parameters) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        if (parameters instanceof Map<?, ?> m) {
            schemas.add(FormConditions.map(m));
        } else if (parameters instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(p -> schemas.add(FormConditions.map((Map<?, ?>) p)));
        }
        List<Page> pages = new ArrayList<>();
        for (Map<String, Object> schema : schemas) {
            pages.add(new Page(String.valueOf(schema.getOrDefault("title", "Fill in some steps")),
                    String.valueOf(schema.getOrDefault("description", "")), schema, fields(schema, "", "", pages.size())));
        }
        return pages;
    }

    /** Whether a property is a nested object the form shows as a group of fields. */
    static boolean isGroup(Map<String, Object> property) {
        return "object".equals(property.get("type")) && property.get("properties") instanceof Map<?, ?>;
    }

    private static List<FormField> fields(Map<String, Object> schema, String prefix, String parentLabel, int page) {
        Map<String, Map<String, Object>> properties = FormConditions.allProperties(schema);
        List<String> required = FormConditions.strings(schema.get("required"));
        var controlling = FormConditions.controllingProperties(schema);
        List<String> order = new ArrayList<>(properties.keySet());
        if (schema.get("ui:order") instanceof List<?> uiOrder) {
            List<String> wanted = uiOrder.stream().map(String::valueOf).filter(properties::containsKey).toList();
            order.removeAll(wanted);
            List<String> all = new ArrayList<>(wanted);
            all.addAll(order);
            order = all;
        }
        List<FormField> out = new ArrayList<>();
        for (String name : order) {
            Map<String, Object> p = properties.get(name);
            String path = FormPath.child(prefix, name);
            String title = String.valueOf(p.getOrDefault("title", name));
            String label = parentLabel.isEmpty() ? title : parentLabel + " \u203a " + title;
            FormField field;
            if (isGroup(p)) {
                field = new FormField(path, title, String.valueOf(p.getOrDefault("description", "")), "group",
                        required.contains(name), false, false, false, "", "", List.of(), List.of(), List.of());
                field.getChildren().addAll(fields(p, path, label, page));
            } else {
                field = field(path, title, p, required.contains(name));
                field.defaultValue(p.get("default") != null ? p.get("default") : "boolean".equals(field.getKind()) ? Boolean.FALSE : null);
            }
            field.label(label);
            if (controlling.contains(name)) {
                field.controlling();
            }
            out.add(field);
        }
        List<Map<String, Object>> alternatives = FormConditions.alternatives(schema);
        if (!alternatives.isEmpty()) {
            // the selector goes after the properties every alternative shares, before the alternatives' own
            int at = (int) order.stream().filter(FormConditions.maps(schema.get("properties"))::containsKey).count();
            out.add(at, selector(alternatives, FormPath.alternatives(page, prefix)));
        }
        return out;
    }

    /** Radio buttons choosing one alternative, labelled by the alternatives' titles ({@code Option n} without). */
    private static FormField selector(List<Map<String, Object>> alternatives, String key) {
        List<FormField.Choice> choices = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            Object title = alternatives.get(i).get("title");
            choices.add(new FormField.Choice(String.valueOf(i), title == null ? "Option " + (i + 1) : String.valueOf(title)));
        }
        FormField field = new FormField(key, "Choose one", "", "radio", false, false, false, false, "", "", choices,
                List.of(), List.of());
        field.selector();
        field.defaultValue("0");
        return field;
    }

    @SuppressWarnings("unchecked")
    private static FormField field(String path, String title, Map<String, Object> p, boolean required) {
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
        return new FormField(path, title, String.valueOf(p.getOrDefault("description", "")),
                kind, required, "password".equals(kind), Boolean.TRUE.equals(p.get("ui:readonly")),
                Boolean.TRUE.equals(p.get("ui:autofocus")), p.get("ui:placeholder") == null ? "" : String.valueOf(p.get("ui:placeholder")),
                p.get("ui:help") == null ? "" : String.valueOf(p.get("ui:help")), choices, kinds, hosts);
    }
}
