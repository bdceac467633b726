package dev.backlot.catalog.internal.read;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A catalog location, {@code type:target}, as Backstage writes it: {@code file:/srv/catalog/catalog-info.yaml}
 * or {@code url:https://example.com/repo/catalog-info.yaml}.
 *
 * <p>Only the types {@value #FILE} and {@value #URL} exist. The target is kept as written; nothing here
 * checks whether reading it is allowed, that is {@link ReadPolicy}'s job at read time.
 *
 * @param type {@value #FILE} or {@value #URL}
 * @param target a path for {@code file}, an absolute URL for {@code url}
 */
public record LocationRef(String type, String target) {

    public static final String FILE = "file";
    public static final String URL = "url";
    /** One file in a git repository, read through JGit: {@code <clone url>.git/blob/<branch>/<path>}. */
    public static final String GIT = "git";

    /** @throws IllegalArgumentException when the type is unknown or the target is empty */
    public LocationRef {
        if (!FILE.equals(type) && !URL.equals(type) && !GIT.equals(type)) {
            throw new IllegalArgumentException("Location type '" + type + "' is not supported (only file and url, and git for a file in a git repository)");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Location " + type + ": has an empty target");
        }
    }

    /**
     * Parses {@code type:target}; the target may itself contain colons ({@code url:https://…}).
     *
     * @throws IllegalArgumentException when there is no colon, the type is not {@code file} or
     *     {@code url}, or the target is empty; the message quotes the text
     */
    public static LocationRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Location '" + text + "' is not of the form type:target");
        }
        try {
            return new LocationRef(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Location '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Resolves a target found in the document read from this location, the way Backstage resolves a
     * Location entity's {@code targets} and {@code $text} placeholders: a {@code file} target against this
     * file's directory, a {@code url} target with {@link URI#resolve}. An absolute http(s) URL is taken as
     * is whatever this location's type. A file target is refused when this location is a url: a remote
     * document must never make the server read its own disk.
     *
     * @param childType the type of the resolved location
     * @param childTarget the target as written, relative or absolute
     * @throws IllegalArgumentException when the combination cannot be resolved; the message names the target
     */
    public LocationRef resolve(String childType, String childTarget) {
        if (childTarget == null || childTarget.isBlank()) {
            throw new IllegalArgumentException("empty target in " + this);
        }
        try {
            if (URL.equals(childType)) {
                URI child = new URI(childTarget.trim());
                if (child.isAbsolute()) {
                    return new LocationRef(URL, child.normalize().toString());
                }
                if (!URL.equals(type)) {
                    throw new IllegalArgumentException("relative url target '" + childTarget + "' cannot be resolved against " + this);
                }
                return new LocationRef(URL, new URI(target).resolve(child).normalize().toString());
            }
            if (!FILE.equals(type)) {
                throw new IllegalArgumentException("file target '" + childTarget + "' is not allowed in a document read from " + this);
            }
            Path parent = Path.of(target).toAbsolutePath().getParent();
            return new LocationRef(FILE, parent.resolve(childTarget.trim()).normalize().toString());
        } catch (URISyntaxException | InvalidPathException e) {
            throw new IllegalArgumentException("target '" + childTarget + "' in " + this + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Whether the target is one document fetched whole ({@code url} or {@code git}), not a path on disk. */
    public boolean isFetched() {
        return URL.equals(type) || GIT.equals(type);
    }

    /** {@code type:target}, the form used in {@code backstage.io/managed-by-location}. */
    @Override
    public String toString() {
        return type + ':' + target;
    }
}
