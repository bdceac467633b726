package dev.backlot.web.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path inside a bundle's jar, checked so that it can only name an entry below the folder it is
 * served from: no {@code .} or {@code ..} segment, no backslash, no empty segment, no control
 * character, no {@code %} (a request path reaches here decoded by the container, so a {@code %} left
 * is an escape encoded twice).
 *
 * <pre>
 * BundleEntryPath.of("/ui/card.xhtml").get().value()      // "/ui/card.xhtml"
 * BundleEntryPath.of("img/%2e%2e/x.png")                  // empty: an escape left after decoding
 * </pre>
 *
 * @param value the entry, starting with {@code /}, segments joined by {@code /}
 */
public record BundleEntryPath(String value) {

    /** Reads a plain-text path: a fragment path a plugin gave, or a request path the container decoded. */
    public static Optional<BundleEntryPath> of(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        List<String> segments = new ArrayList<>();
        for (String segment : rest.split("/", -1)) {
            if (!safe(segment)) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        return Optional.of(new BundleEntryPath("/" + String.join("/", segments)));
    }

    private static boolean safe(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || c == ';' || c == '%' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The entry below a folder of the bundle, e.g. {@code /static} + {@code /app.css}. */
    public BundleEntryPath under(String folder) {
        return new BundleEntryPath(folder + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
