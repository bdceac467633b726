package dev.backlot.catalog;

import dev.backlot.config.Redact;
import dev.backlot.model.Entity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How locations look to callers who may not see the server's file system or secrets in URLs
 * (everyone but admins): a file path is shown relative to the catalog folder it lies in, named by
 * that folder ({@code file:/srv/backlot/data/sample-catalog/org.yaml} becomes
 * {@code file:sample-catalog/org.yaml}), and the query values and user info of a URL are masked
 * ({@code url:https://git.example.com/x.yaml?token=abc} becomes {@code ...?token=***}).
 *
 * <p>Free text (processing error messages) gets the same treatment for paths. Admins see
 * everything as it is.
 */
public final class SourceNames {

    /**
     * An absolute path left in a message once the known folders are replaced: a slash not preceded
     * by a character of a word, a URL or a path, then two or more segments.
     */
    private static final Pattern OTHER_PATH = Pattern.compile("(?<![\\w:/.\\-~])(?:/[^/\\s'\"`,;()\\[\\]{}<>]+){2,}");

    /** A {@code url:} location inside a JSON string value, up to the closing quote. */
    private static final Pattern URL_VALUE = Pattern.compile("url:[a-zA-Z][a-zA-Z0-9+.-]*://[^\"\\\\\\s]*");

    /** Absolute folder (both as configured and resolved) to the name shown instead, longest first. */
    private final List<Map.Entry<String, String>> folders;

    /**
     * @param folders the catalog's file roots and the portal's data folder: paths inside them are
     *     shown relative to them; any other absolute path in a message is shown as {@code …/}its last segment
     */
    public SourceNames(List<Path> folders) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Path folder : folders) {
            Path normal = folder.toAbsolutePath().normalize();
            String name = normal.getFileName() == null ? "" : normal.getFileName().toString();
            names.put(normal.toString(), name);
            try {
                names.put(normal.toRealPath().toString(), name);
            } catch (IOException e) {
                // not there yet: only its configured form can appear in a location
            }
        }
        List<Map.Entry<String, String>> sorted = new ArrayList<>(names.entrySet());
        sorted.removeIf(e -> e.getKey().equals("/"));
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.folders = List.copyOf(sorted);
    }

    /** A location, {@code type:target} or a bare target, as a non-admin sees it. */
    public String location(String location) {
        return location == null ? null : Redact.urlQuery(text(location));
    }

    /** A target of the given type as a non-admin sees it. */
    public String target(String type, String target) {
        if (target == null) {
            return null;
        }
        return "file".equals(type) ? text(target) : Redact.urlQuery(target);
    }

    /**
     * Free text with every known folder's absolute path replaced by the folder's name, and any
     * other absolute path by {@code …/} and its last segment.
     */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> folder : folders) {
            if (out.contains(folder.getKey())) {
                out = out.replace(folder.getKey() + "/", folder.getValue() + "/").replace(folder.getKey(), folder.getValue());
            }
        }
        Matcher other = OTHER_PATH.matcher(out);
        StringBuilder shown = new StringBuilder();
        while (other.find()) {
            String path = other.group();
            other.appendReplacement(shown, Matcher.quoteReplacement("\u2026" + path.substring(path.lastIndexOf('/'))));
        }
        other.appendTail(shown);
        return shown.toString();
    }

    /** A typed entity as a non-admin sees it: see {@link #entity(Map)}. */
    public Entity entity(Entity entity) {
        Map<String, Object> metadata = new LinkedHashMap<>(entity.metadata());
        Map<String, Object> shown = entity(Map.of("metadata", metadata, "status", entity.status()));
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) shown.get("status");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) shown.get("metadata");
        return new Entity(entity.apiVersion(), entity.kind(), meta, entity.spec(), entity.relations(), status);
    }

    /**
     * An entity's stored JSON as a non-admin sees it, without parsing it: known folders in every
     * string become their names (as {@link #text}), and {@code url:} location values lose their
     * query values and user info. Other absolute paths stay (they are the entity's own content).
     */
    public String json(String json) {
        if (json == null) {
            return null;
        }
        String out = json;
        for (Map.Entry<String, String> folder : folders) {
            if (out.contains(folder.getKey())) {
                out = out.replace(folder.getKey() + "/", folder.getValue() + "/").replace(folder.getKey(), folder.getValue());
            }
        }
        if (!out.contains("url:")) {
            return out;
        }
        Matcher url = URL_VALUE.matcher(out);
        StringBuilder shown = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(shown, Matcher.quoteReplacement(Redact.urlQuery(url.group())));
        }
        url.appendTail(shown);
        return shown.toString();
    }

    /**
     * An entity as a non-admin sees it: annotation values that are locations
     * ({@code backstage.io/managed-by-location} and the like) and status messages pass through
     * {@link #location} and {@link #text}. The entity is copied, never changed.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> entity(Map<String, Object> entity) {
        if (entity == null || !(entity.get("metadata") instanceof Map<?, ?> metadata)) {
            return entity;
        }
        Map<String, Object> out = new LinkedHashMap<>(entity);
        if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
            Map<String, Object> shown = new LinkedHashMap<>();
            annotations.forEach((k, v) -> shown.put(String.valueOf(k), v instanceof String s ? location(s) : v));
            Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) metadata);
            meta.put("annotations", shown);
            out.put("metadata", meta);
        }
        if (entity.get("status") instanceof Map<?, ?> status && status.get("items") instanceof List<?> items) {
            List<Object> shown = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("message") instanceof String message) {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                    copy.put("message", text(message));
                    shown.add(copy);
                } else {
                    shown.add(item);
                }
            }
            Map<String, Object> statusCopy = new LinkedHashMap<>((Map<String, Object>) status);
            statusCopy.put("items", shown);
            out.put("status", statusCopy);
        }
        return out;
    }
}
