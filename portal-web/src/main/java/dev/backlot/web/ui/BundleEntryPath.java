package dev.backlot.web.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path inside a bundle's jar, checked so that it can only name an entry below the folder it is
 * served from: no {@code .} or {@code ..} segment, no backslash, no empty segment, no control
 * character, also after percent-decoding when it came from a URL.
 *
 * <pre>
 * BundleEntryPath.of("/ui/card.xhtml").get().value()      // "/ui/card.xhtml"
 * BundleEntryPath.fromUrl("img/%2e%2e/x.png")              // empty: a ".." hidden in escapes
 * </pre>
 *
 * @param value the entry, starting with {@code /}, segments joined by {@code /}
 */
public record BundleEntryPath(String value) {

    /** Reads a path that is already plain text (a fragment path a plugin gave). */
    public static Optional<BundleEntryPath> of(String path) {
        return parse(path, false);
    }

    /** Reads the still percent-encoded tail of a request URI. */
    public static Optional<BundleEntryPath> fromUrl(String rawPath) {
        return parse(rawPath, true);
    }

    private static Optional<BundleEntryPath> parse(String path, boolean encoded) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        List<String> segments = new ArrayList<>();
        for (String raw : rest.split("/", -1)) {
            String segment = encoded ? decode(raw) : raw;
            if (segment == null || !safe(segment)) {
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

    private static String decode(String segment) {
        try {
            // URLDecoder reads '+' as a space, which is right for forms but not for paths.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
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
