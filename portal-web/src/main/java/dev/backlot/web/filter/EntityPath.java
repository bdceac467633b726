package dev.backlot.web.filter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The entity named by a readable catalog path: {@code /catalog/{namespace}/{kind}/{name}}.
 *
 * <pre>
 * EntityPath.parse("/catalog/default/component/payment-service")
 *     .get().forwardPath()  // /catalog/entity.xhtml?namespace=default&amp;kind=component&amp;name=payment-service
 * </pre>
 *
 * @param namespace the namespace as written in the path (decoded by the container)
 * @param kind the kind, likewise
 * @param name the name, likewise
 */
public record EntityPath(String namespace, String kind, String name) {

    /** The view the path is served by. */
    public static final String VIEW = "/catalog/entity.xhtml";

    /**
     * Reads a path inside the application as the container decoded it ({@link AppPath}); a segment
     * that still holds a {@code %} was encoded twice and names no entity.
     *
     * @return the entity when the path has exactly three non-empty segments after {@code /catalog/}
     *     and is not one of the catalog's own pages ({@code entity…}, {@code errors}, a Facelets file)
     */
    public static Optional<EntityPath> parse(String path) {
        if (path == null || !path.startsWith("/catalog/")) {
            return Optional.empty();
        }
        String rest = path.substring("/catalog/".length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] parts = rest.split("/", -1);
        if (parts.length != 3 || parts[0].startsWith("entity") || parts[0].equals("errors")) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isEmpty() || part.contains(";") || part.contains("%") || part.endsWith(".xhtml")) {
                return Optional.empty();
            }
        }
        return Optional.of(new EntityPath(parts[0], parts[1], parts[2]));
    }

    /** Where to forward: the entity view with the three parts as request parameters. */
    public String forwardPath() {
        return VIEW + "?namespace=" + encode(namespace) + "&kind=" + encode(kind) + "&name=" + encode(name);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
