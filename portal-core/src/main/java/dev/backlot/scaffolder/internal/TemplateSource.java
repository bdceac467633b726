package dev.backlot.scaffolder.internal;

import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a template's fetch {@code url}s point. A relative url ({@code ./skeleton}) is resolved
 * against the location the catalog read the template from: inside the template's folder for a
 * {@code file} location (or a dry-run's uploaded folder), against the template's URL for a {@code url}
 * location, inside the same repository and branch for a {@code git} location. An absolute http(s)
 * url is taken as it is: {@code <clone url>.git/tree|blob/<branch>/<path>} as a git location, anything
 * else as a url location. Remote locations are read through the catalog's reader, under its rules.
 *
 * @param folder the template's folder, empty when the template came from a location that is not a file
 * @param description where it came from, for messages
 * @param location the template's {@code managed-by-location} ({@code url:...}, {@code git:...}), or empty
 */
record TemplateSource(Optional<Path> folder, String description, String location) {

    private static final Pattern GIT_URL = Pattern.compile("(https?://[^?#]+?\\.git)/(?:blob|tree)/([^/?#]+)(?:/([^?#]*))?");

    TemplateSource(Optional<Path> folder, String description) {
        this(folder, description, "");
    }

    static TemplateSource of(Entity template) {
        String location = template.annotations().getOrDefault(Annotations.MANAGED_BY_LOCATION, "");
        return fromLocation(location);
    }

    static TemplateSource fromLocation(String location) {
        if (location.startsWith("file:")) {
            Path file = Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
            Path folder = Files.isDirectory(file) ? file : file.getParent();
            return new TemplateSource(Optional.ofNullable(folder), location);
        }
        return new TemplateSource(Optional.empty(), location.isEmpty() ? "an unknown location" : location, location);
    }

    /**
     * The remote location a fetch url names: {@code url:...} or {@code git:<clone>.git/blob/<branch>/<path>}
     * ({@code .} for a repository's root); empty when it is a path in the template's folder.
     *
     * @throws IllegalArgumentException for a url that cannot be resolved (malformed, another scheme,
     *     {@code ..} above a repository's root)
     */
    Optional<String> remote(String url) {
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Optional.of(absolute(u));
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("Fetching from " + Workspace.printable(u) + " is refused: only http(s) URLs"
                    + " and paths relative to the template are read");
        }
        if (folder.isPresent()) {
            return Optional.empty();
        }
        if (location.startsWith("url:")) {
            try {
                URI resolved = new URI(location.substring(4).trim()).resolve(new URI(null, null, relative(u), null));
                return Optional.of(absolute(resolved.normalize().toString()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("The url " + Workspace.printable(u) + " cannot be resolved against "
                        + location + ": " + e.getMessage());
            }
        }
        if (location.startsWith("git:")) {
            Matcher m = GIT_URL.matcher(location.substring(4).trim());
            if (m.matches()) {
                String file = m.group(3) == null ? "" : m.group(3);
                String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
                String path = join(dir, relative(u));
                return Optional.of("git:" + m.group(1) + "/blob/" + m.group(2) + "/" + (path.isEmpty() ? "." : path));
            }
        }
        return Optional.empty();
    }

    /** Resolves a relative url of a fetch action inside the template's folder. */
    Path resolve(String url) {
        Path base = folder.orElseThrow(() -> new IllegalStateException("The template was read from " + description
                + ": relative skeletons can be fetched beside file, url and git locations only"));
        String relative = url.startsWith("./") ? url.substring(2) : url;
        return Workspace.resolveUnder(base, relative, "template's folder");
    }

    private static String absolute(String url) {
        Matcher m = GIT_URL.matcher(url);
        if (m.matches()) {
            String path = m.group(3) == null ? "" : join("", m.group(3));
            return "git:" + m.group(1) + "/blob/" + m.group(2) + "/" + (path.isEmpty() ? "." : path);
        }
        return "url:" + url;
    }

    private static String relative(String url) {
        if (url.indexOf('\0') >= 0 || url.indexOf('\\') >= 0 || url.startsWith("/")) {
            throw new IllegalArgumentException("The url " + Workspace.printable(url) + " must be relative to the template"
                    + " (no absolute paths or backslashes)");
        }
        return url;
    }

    /** {@code dir} + {@code relative}, with {@code .} and {@code ..} applied; never above the root. */
    private static String join(String dir, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : (dir + "/" + relative).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("The url " + Workspace.printable(relative)
                            + " leads above the root of the template's repository");
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
