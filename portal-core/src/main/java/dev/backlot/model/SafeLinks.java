package dev.backlot.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs from descriptors (or any other untrusted source) may become a link or an image
 * source on a page: those with the scheme {@code http}, {@code https} or {@code mailto}, and
 * relative ones (the portal's own paths). Anything else ({@code javascript:}, {@code data:},
 * {@code vbscript:}, {@code file:}, ...) is to be shown as text.
 *
 * <p>The scheme is read the way a browser reads it: tabs and line breaks anywhere are ignored,
 * and so are leading and trailing spaces and control characters, so {@code " java\tscript:x"}
 * counts as {@code javascript:}. Callers pass the value as it will reach the browser after the
 * page's own escaping (Faces escapes attribute values, so an HTML entity inside a descriptor value
 * stays literal text and cannot spell a scheme).
 *
 * <pre>{@code
 * SafeLinks.isSafe("https://wiki.example.com/x");   // true
 * SafeLinks.isSafe("javascript:alert(1)");          // false: render the text, not a link
 * }</pre>
 */
public final class SafeLinks {

    /** The schemes a link may have. */
    public static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):");

    private SafeLinks() {
    }

    /** Whether {@code url} may be rendered as an {@code href} or {@code src}; false for {@code null} or blank. */
    public static boolean isSafe(String url) {
        if (url == null) {
            return false;
        }
        String normal = normalise(url);
        if (normal.isEmpty()) {
            return false;
        }
        Matcher scheme = SCHEME.matcher(normal);
        if (!scheme.find()) {
            // No scheme: a path of this portal. A colon before the first slash would be read as a
            // scheme by some parser somewhere; refuse those rather than guess.
            int colon = normal.indexOf(':');
            int slash = normal.indexOf('/');
            return colon < 0 || slash >= 0 && slash < colon;
        }
        return ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    /** {@code url} when {@link #isSafe safe}, else empty. */
    public static Optional<String> safe(String url) {
        return isSafe(url) ? Optional.of(url) : Optional.empty();
    }

    /** The scheme as a browser would read it (lower case), or empty for a relative URL. */
    public static Optional<String> scheme(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher scheme = SCHEME.matcher(normalise(url));
        return scheme.find() ? Optional.of(scheme.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static String normalise(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && out.charAt(end - 1) <= ' ') {
            end--;
        }
        return out.substring(start, end);
    }
}
