package dev.backlot.web.security;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error answers the portal writes outside Faces and JAX-RS (refused paths, missing sign-in, too
 * large bodies, container errors): JSON in Backstage's shape for the API, a small page otherwise.
 *
 * <p>Backstage's error shape: {@code {"error":{"name":..,"message":..},"request":{"method":..,
 * "url":..},"response":{"statusCode":..}}}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * Whether a request belongs to the JSON API and so gets JSON errors. Decides the shape of an
     * error answer only, never access; the JAX-RS servlet is mapped to {@code /api/*}.
     */
    public static boolean isApi(HttpServletRequest request) {
        if ("/api".equals(request.getServletPath())) {
            return true;
        }
        String uri = request.getRequestURI();
        String api = request.getContextPath() + "/api";
        return uri != null && (uri.equals(api) || uri.startsWith(api + "/") || uri.startsWith(api + ";"));
    }

    /** Writes the error answer (replacing anything not yet sent). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String name,
            String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        SecurityHeaders.applyStrict(request, response);
        response.setCharacterEncoding("UTF-8");
        if (isApi(request)) {
            response.setContentType("application/json");
            response.getWriter().write(json(request, status, name, message));
        } else {
            response.setContentType("text/html");
            response.getWriter().write(page(status, message));
        }
        response.flushBuffer();
    }

    static String json(HttpServletRequest request, int status, String name, String message) {
        String url = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("name", name).add("message", message))
                .add("request", Json.createObjectBuilder().add("method", request.getMethod()).add("url", url))
                .add("response", Json.createObjectBuilder().add("statusCode", status))
                .build().toString();
    }

    private static String page(int status, String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " · Backlot</title></head>"
                + "<body><h1>" + status + "</h1><p>" + escape(message) + "</p><p><a href=\"/\">Backlot home</a></p></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
