package dev.backlot.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL of a file a plugin bundle ships under {@code /static}:
 * {@code /plugin-resources/{symbolicName}/{revision}/{path}}, e.g.
 * {@code /plugin-resources/dev.backlot.example-ui/1732112233445/example-ui.css} for the entry
 * {@code /static/example-ui.css}.
 *
 * <p>The revision makes the URL immutable: an update of the bundle gives its files new URLs, so
 * browsers may cache them for a year.
 *
 * @param symbolicName the bundle's symbolic name
 * @param revision the bundle's revision ({@code ExtensionRegistry.revision})
 * @param path the file below {@code /static}
 */
public record StaticResourcePath(String symbolicName, long revision, BundleEntryPath path) {

    public static final String PREFIX = "/plugin-resources/";
    /** The folder inside a bundle whose files are served; nothing outside it is. */
    public static final String FOLDER = "/static";
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    /**
     * Reads a request path inside the application as the container decoded and normalised it
     * ({@link dev.backlot.web.filter.AppPath}).
     *
     * @return empty when the path does not have the three parts, or names a file outside the folder
     *     (through {@code ..}, a backslash, or a {@code %} left after decoding, i.e. an escape
     *     encoded twice such as {@code %252e%252e})
     */
    public static Optional<StaticResourcePath> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = path.substring(PREFIX.length()).split("/", 3);
        if (parts.length != 3 || !SYMBOLIC_NAME.matcher(parts[0]).matches() || parts[0].contains("..")) {
            return Optional.empty();
        }
        Optional<Long> revision = FragmentPath.number(parts[1]);
        Optional<BundleEntryPath> entry = BundleEntryPath.of(parts[2]);
        if (revision.isEmpty() || entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StaticResourcePath(parts[0], revision.get(), entry.get()));
    }

    /** The entry inside the bundle. */
    public BundleEntryPath entry() {
        return path.under(FOLDER);
    }

    /** The URL path, without the context path. */
    public String urlPath() {
        StringBuilder out = new StringBuilder(PREFIX).append(symbolicName).append('/').append(revision);
        for (String segment : path.value().substring(1).split("/")) {
            out.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
