package dev.backlot.web.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations an OpenAPI (or Swagger 2) definition declares, read from its {@code paths}:
 * method, path and summary, in the order the definition lists them.
 *
 * <pre>
 * OpenApiOperations.parse(definition)  // [POST /payments "Create a payment", ...]
 * </pre>
 */
public final class OpenApiOperations {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiOperations() {
    }

    /**
     * One operation.
     *
     * @param method upper case, e.g. {@code POST}
     * @param path e.g. {@code /payments/{id}}
     * @param summary the summary, else the operationId, else empty
     */
    public record Operation(String method, String path, String summary) implements Serializable {
    }

    /**
     * Reads the operations of a YAML or JSON definition.
     *
     * @return the operations; empty when the definition has no paths or cannot be read
     */
    public static List<Operation> parse(String definition) {
        List<Operation> out = new ArrayList<>();
        if (definition == null || definition.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = YAML.readTree(definition);
        } catch (IOException notYamlOrJson) {
            return out;
        }
        JsonNode paths = root == null ? null : root.get("paths");
        if (paths == null || !paths.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> method = m.next();
                if (METHODS.contains(method.getKey().toLowerCase(Locale.ROOT))) {
                    JsonNode op = method.getValue();
                    String summary = op.path("summary").asText(op.path("operationId").asText(""));
                    out.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), summary));
                }
            }
        }
        return out;
    }
}
