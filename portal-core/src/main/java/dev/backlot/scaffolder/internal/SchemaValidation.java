package dev.backlot.scaffolder.internal;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema (draft 7, as Backstage's forms use) validation through networknt's validator.
 * Schemas from templates are cleaned first: the form's {@code ui:*} keys are dropped and a
 * {@code $ref} that is not local ({@code #/...}) is refused, so validation never reaches the network.
 */
public final class SchemaValidation {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private SchemaValidation() {
    }

    /**
     * Field path (slash-separated, {@code ""} for the whole value) to message; empty when valid.
     */
    public static Map<String, String> validate(Map<String, Object> schema, Object value) {
        if (schema == null || schema.isEmpty()) {
            return Map.of();
        }
        JsonSchema compiled;
        try {
            compiled = FACTORY.getSchema(Json.tree(clean(schema)));
        } catch (RuntimeException e) {
            return Map.of("", "the schema itself is not valid: " + e.getMessage());
        }
        Set<ValidationMessage> messages = compiled.validate(Json.tree(value == null ? Map.of() : value));
        Map<String, String> out = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            String path = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "").replace('.', '/');
            if ("required".equals(m.getType()) && m.getProperty() != null) {
                path = path.isEmpty() ? m.getProperty() : path + "/" + m.getProperty();
            }
            String message = m.getMessage().replaceFirst("^\\$[^:]*: ", "");
            out.merge(path, message, (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** One line naming every problem, for logs and API errors. */
    public static String describe(Map<String, String> problems) {
        List<String> parts = new ArrayList<>();
        problems.forEach((field, message) -> parts.add(field.isEmpty() ? message : field + ": " + message));
        return String.join("; ", parts);
    }

    @SuppressWarnings("unchecked")
    static Object clean(Object schema) {
        if (schema instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.startsWith("ui:")) {
                    return;
                }
                if (key.equals("$ref") && !String.valueOf(v).startsWith("#")) {
                    throw new IllegalArgumentException("the schema refers to " + Workspace.printable(String.valueOf(v))
                            + ": only local references (#/...) are allowed");
                }
                if (key.equals("$id") || key.equals("$schema")) {
                    return;
                }
                out.put(key, clean(v));
            });
            return out;
        }
        if (schema instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(clean(v)));
            return out;
        }
        return schema;
    }
}
