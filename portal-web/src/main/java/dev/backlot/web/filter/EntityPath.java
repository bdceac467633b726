package dev.backlot.web.filter;

import java.net.URLDecoder;
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
 * @param namespace decoded namespace
 * @param kind decoded kind
 * @param name decoded name
 */
public record EntityPath(String namespace, String kind, String name) {

    /** The view the path is served by. */
    public static final String VIEW = "/catalog/entity.xhtml";

    /**
     * Reads a path inside the application.
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
        String[] decoded = new String[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || parts[i].contains(";") || parts[i].endsWith(".xhtml")) {
                return Optional.empty();
            }
            try {
                // URLDecoder reads '+' as a space, which is right for forms but not for paths.
                decoded[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        return Optional.of(new EntityPath(decoded[0], decoded[1], decoded[2]));
    }

    /** Where to forward: the entity view with the three parts as request parameters. */
    public String forwardPath() {
        return VIEW + "?namespace=" + encode(namespace) + "&kind=" + encode(kind) + "&name=" + encode(name);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
