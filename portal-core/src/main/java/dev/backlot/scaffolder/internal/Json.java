package dev.backlot.scaffolder.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for the task rows and for schema validation: JSON-like Java values (maps, lists, scalars). */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(10_000_000).build());
    }

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-like: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }

    public static List<Map<String, Object>> readList(String json) {
        if (json == null || json.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<ArrayList<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored JSON is damaged: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A deep copy made only of maps, lists, strings, numbers, booleans and nulls: what templates may
     * see and what actions get. Anything else becomes its string form, so no Java object with
     * methods reaches the expression engine.
     */
    @SuppressWarnings("unchecked")
    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Iterable<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Object[] array) {
            List<Object> out = new ArrayList<>();
            for (Object v : array) {
                out.add(plain(v));
            }
            return out;
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(Map<String, ?> value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) plain(value);
    }
}
