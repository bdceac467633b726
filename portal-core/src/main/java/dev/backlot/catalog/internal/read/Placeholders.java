package dev.backlot.catalog.internal.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backstage's read-time placeholders: anywhere in an entity, a mapping with the single key {@code $text},
 * {@code $json} or {@code $yaml} and a string value is replaced by the content of that target, resolved
 * relative to the entity's own location ({@code ./openapi.yaml}) or absolute ({@code https://…}).
 *
 * <pre>{@code
 * spec:
 *   definition:
 *     $text: ./openapi.yaml     # becomes the file's text
 * }</pre>
 *
 * <p>{@code $text} gives a string, {@code $json} and {@code $yaml} a parsed tree ({@code $yaml} must hold
 * exactly one document). Placeholder content is not searched for further placeholders. Every target goes
 * through the {@link Fetcher}, so the same roots and allow list apply as for locations.
 */
public final class Placeholders {

    /** The most placeholders one entity may hold, so one document cannot fan out into many reads. */
    public static final int MAX_PER_ENTITY = 100;

    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlDocuments.MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final LocationRef base;
    private final Fetcher fetcher;
    private int count;

    private Placeholders(LocationRef base, Fetcher fetcher) {
        this.base = base;
        this.fetcher = fetcher;
    }

    /**
     * Returns a copy of the entity with every placeholder replaced; the argument is not changed.
     *
     * @param entity the entity tree as parsed
     * @param base the location the entity was read from
     * @param fetcher reads the targets and enforces the read policy
     * @throws ReadException naming the placeholder's key, position and target when one is malformed,
     *     refused, missing or unparsable, or when there are more than {@value #MAX_PER_ENTITY}
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolve(Map<String, Object> entity, LocationRef base, Fetcher fetcher)
            throws ReadException {
        return (Map<String, Object>) new Placeholders(base, fetcher).copy(entity, "");
    }

    private Object copy(Object value, String path) throws ReadException {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(list.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        String key = placeholderKey(map);
        if (key != null) {
            return substitute(map, key, path);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            out.put(name, copy(e.getValue(), path.isEmpty() ? name : path + "." + name));
        }
        return out;
    }

    private static String placeholderKey(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if ("$text".equals(key) || "$json".equals(key) || "$yaml".equals(key)) {
                return (String) key;
            }
        }
        return null;
    }

    private Object substitute(Map<?, ?> map, String key, String path) throws ReadException {
        String where = "placeholder " + key + " at " + (path.isEmpty() ? "the entity root" : path) + " in " + base;
        if (map.size() != 1) {
            throw new ReadException(where + " must be the only key of its mapping, found " + map.keySet());
        }
        if (!(map.get(key) instanceof String target) || target.isBlank()) {
            throw new ReadException(where + " must have a non-empty string value");
        }
        if (++count > MAX_PER_ENTITY) {
            throw new ReadException(where + ": the entity has more than " + MAX_PER_ENTITY + " placeholders");
        }
        LocationRef ref;
        try {
            ref = base.resolve(ABSOLUTE_URL.matcher(target).matches() ? LocationRef.URL : base.type(), target);
        } catch (IllegalArgumentException e) {
            throw new ReadException(where + ": " + e.getMessage());
        }
        byte[] content;
        try {
            content = fetcher.fetch(ref);
        } catch (ReadException e) {
            throw new ReadException(where + " (" + target + "): " + e.getMessage(), e.notFound());
        }
        try {
            return switch (key) {
                case "$text" -> new String(content, StandardCharsets.UTF_8);
                case "$json" -> JSON.readValue(content, Object.class);
                default -> YamlDocuments.parseSingle(content, ref.toString());
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new ReadException(where + " (" + target + "): content cannot be parsed: " + e.getMessage());
        }
    }
}
