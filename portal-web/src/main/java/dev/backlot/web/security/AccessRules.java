package dev.backlot.web.security;

import dev.backlot.security.Caller;
import java.util.Set;

/**
 * Who may call which path, as a pure function so it can be tested without a server.
 *
 * <ul>
 * <li>{@code /api/admin/*} and {@code /admin/*}: the admin role;</li>
 * <li>any other {@code /api/*} write (not GET, HEAD or OPTIONS): any signed-in caller; the catalog's
 *     POST queries ({@code entities/by-query}, {@code entities/by-refs}, {@code entity-facets},
 *     {@code locations/by-query}) are reads that take a body, as in Backstage, and are open like the
 *     GET ones;</li>
 * <li>everything else: anyone (reading the portal needs no sign-in).</li>
 * </ul>
 */
public final class AccessRules {

    /** What to do with a request. */
    public enum Decision {
        ALLOW,
        /** No caller, and one is needed: 401 for the API, the sign-in page for pages. */
        SIGN_IN,
        /** A caller without the needed role: 403. */
        FORBIDDEN
    }

    /** POST calls that only read: their parameters are too large or too structured for a query string. */
    private static final Set<String> POST_READS = Set.of("/api/catalog/entities/by-query",
            "/api/catalog/entities/by-refs", "/api/catalog/entity-facets", "/api/catalog/locations/by-query");

    private AccessRules() {
    }

    /**
     * @param path the path inside the application, starting with {@code /}
     * @param method the HTTP method
     * @param caller the authenticated caller, or {@code null}
     */
    public static Decision decide(String path, String method, Caller caller) {
        String p = normalise(path);
        boolean adminArea = under(p, "/api/admin") || under(p, "/admin");
        if (adminArea) {
            return caller == null ? Decision.SIGN_IN : caller.hasRole(Caller.ADMIN) ? Decision.ALLOW : Decision.FORBIDDEN;
        }
        if (under(p, "/api") && !isRead(p, method) && caller == null) {
            return Decision.SIGN_IN;
        }
        return Decision.ALLOW;
    }

    /** Whether the call only reads: GET, HEAD, OPTIONS, or one of the catalog's POST queries. */
    public static boolean isRead(String path, String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "POST".equals(method) && POST_READS.contains(normalise(path));
    }

    /** Whether the path belongs to the JSON API (and so gets JSON errors, never a page). */
    public static boolean isApi(String path) {
        return under(normalise(path), "/api");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".");
    }

    /**
     * Lower-cases and collapses the path the way the container will match it, so that
     * {@code //admin}, {@code /ADMIN} or {@code /x/../admin} cannot slip past a prefix check.
     */
    static String normalise(String path) {
        String p = path == null ? "/" : path;
        int semicolon = p.indexOf(';');
        if (semicolon >= 0) {
            p = p.substring(0, semicolon); // path parameters such as ;jsessionid
        }
        p = p.replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        parts.forEach(part -> out.append('/').append(part));
        return out.length() == 0 ? "/" : out.toString();
    }
}
