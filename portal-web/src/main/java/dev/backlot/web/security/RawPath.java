package dev.backlot.web.security;

import java.util.Optional;

/**
 * Refuses request paths that a browser never sends and that only serve to make a path look
 * different before and after the container decodes it: an access decision is the container's
 * (role constraints on the decoded, normalised path), and this check makes sure nothing else in
 * the chain (a filter, Jersey's own routing on the raw path, a plugin) can see a different path
 * than the one that decision was made on.
 *
 * <p>Refused, on the raw (still encoded) path:
 * <ul>
 * <li>any {@code ;} (path parameters: the container cuts them per segment, Jersey treats them as
 *     matrix parameters; the portal tracks sessions by cookie only, so no {@code ;jsessionid});</li>
 * <li>a backslash, an empty segment ({@code //}), a {@code .} or {@code ..} segment;</li>
 * <li>a percent-encoded {@code /}, {@code \}, {@code ;}, {@code %} (double encoding), control
 *     character, or unreserved character ({@code %61} for {@code a}, {@code %2e} for {@code .}):
 *     browsers never encode letters, digits or {@code -._~}, so such an escape only serves to dodge a
 *     comparison;</li>
 * <li>a malformed escape ({@code %zz}, a {@code %} at the end).</li>
 * </ul>
 * Everything else (spaces as {@code %20}, UTF-8 as {@code %C3%A9}, reserved characters other
 * than those above) passes.
 */
public final class RawPath {

    private RawPath() {
    }

    /**
     * Why the raw path is refused, or empty when it is acceptable.
     *
     * @param rawPath {@code HttpServletRequest.getRequestURI()}: the path as sent, before decoding,
     *     without the query string
     */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("the path must start with /");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return Optional.of("path parameters (;) are not accepted");
            }
            if (c == '\\') {
                return Optional.of("a backslash is not accepted in a path");
            }
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("control characters are not accepted in a path");
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return Optional.of("malformed percent-encoding");
                }
                int decoded = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                if (decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%' || decoded < 0x20
                        || decoded == 0x7f || unreserved(decoded)) {
                    return Optional.of("the encoded character %" + rawPath.substring(i + 1, i + 3)
                            + " is not accepted in a path");
                }
                i += 2;
            }
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'.' and '..' segments are not accepted");
            }
            // An empty last segment is a trailing slash (/catalog/); an empty one inside is //.
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("empty path segments (//) are not accepted");
            }
        }
        return Optional.empty();
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
