package dev.backlot.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of the catalog API, with Jackson (entities are free-form trees), and errors in
 * Backstage's shape: {@code {"error":{"name":..,"message":..},"request":{"method":..,"url":..},"response":{"statusCode":..}}}.
 */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Request bodies larger than this are refused before parsing. */
    static final int MAX_BODY_CHARS = 5 * 1024 * 1024;

    private ApiJson() {
    }

    static Response ok(Object body) {
        return status(200, body);
    }

    static Response status(int status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response error(int status, String name, String message) {
        return error(status, name, message, null, null);
    }

    /** The error with Backstage's {@code "request":{"method":..,"url":..}} when the request is known. */
    static Response error(int status, String name, String message, String method, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", ordered("name", name, "message", message == null ? name : message));
        if (method != null) {
            body.put("request", ordered("method", method, "url", url));
        }
        body.put("response", Map.of("statusCode", status));
        return status(status, body);
    }

    /** A two-key map that keeps its order in JSON (Map.of iterates in a per-JVM random order). */
    static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** Parses a JSON object body. @throws IllegalArgumentException with a readable message */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The request body is empty; a JSON object is expected");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("The request body is larger than " + MAX_BODY_CHARS + " characters");
        }
        try {
            Object parsed = MAPPER.readValue(body, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("The request body must be a JSON object");
            }
            return (Map<String, Object>) map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Stored JSON parsed into a tree, for the rare answer that must reshape it (a {@code fields} projection). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The catalog stored JSON it cannot read back", e);
        }
    }

    /** A body field that must be a non-negative integer, or {@code otherwise} when absent. @throws IllegalArgumentException naming it */
    static int count(Object value, String name, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Integer n) || n < 0) {
            throw new IllegalArgumentException(name + " must be a non-negative integer, was " + value);
        }
        return n;
    }

    /** A body field that must be a list of strings. @throws IllegalArgumentException naming it */
    static List<String> strings(Object value, String name) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(s -> s instanceof String)) {
            throw new IllegalArgumentException(name + " must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
