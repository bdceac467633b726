package dev.backlot.techdocs.internal;

import dev.backlot.catalog.LocationReadException;
import dev.backlot.catalog.LocationReader;
import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an entity's docs live, from its {@code backstage.io/techdocs-ref} annotation, read under the
 * catalog's own read policy ({@link LocationReader}: file roots, url allow-list, size cap):
 *
 * <ul>
 * <li>{@code dir:<path>}: relative to the descriptor that brought the entity in
 *     ({@code backstage.io/managed-by-location}): a folder on disk for a {@code file} location, a folder
 *     of the same repository for a {@code git} location, a folder URL for a {@code url} location;</li>
 * <li>{@code url:<location>}: a git repository ({@link GitDocs#parse}: a clone URL ending in
 *     {@code .git}, optionally {@code /tree/<branch>/<path>}, or a GitHub/GitLab-style
 *     {@code https://host/owner/repo/tree/<branch>/<path>}) or else a plain web folder holding an
 *     {@code mkdocs.yml} ({@link HttpDocs}).</li>
 * </ul>
 *
 * @param root the docs folder, real path, for a folder on disk; for a remote folder a path that does
 *     not exist and names it (pages read beside a page are served from memory, never from the disk)
 * @param display how the folder is named in logs and on pages: the annotation's value, never a server path
 * @param editBase the web URL the folder's files can be edited under (ends with {@code /}), or {@code null}
 * @param source reads the folder's files at build time
 */
record DocsLocation(Path root, String display, String editBase, DocsSource source) {

    /** Stands in for the disk folder of docs read from a remote place; nothing is ever read below it. */
    static final Path REMOTE_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "backlot-remote-docs")
            .toAbsolutePath().normalize();

    /** Docs in a folder on disk. */
    DocsLocation(Path root, String display, String editBase) {
        this(root, display, editBase, DocsSource.local(root));
    }

    /** Why the docs of an entity cannot be located. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The annotation's value, or {@code null} when the entity has no docs. */
    static String reference(Entity entity) {
        String ref = entity.annotations().get(Annotations.TECHDOCS_REF);
        return ref == null || ref.isBlank() ? null : ref.trim();
    }

    static DocsLocation of(Entity entity, LocationReader reader) throws Refused {
        String ref = reference(entity);
        if (ref == null) {
            throw new Refused("the entity has no " + Annotations.TECHDOCS_REF + " annotation");
        }
        if (ref.startsWith("url:")) {
            return remote(ref, ref.substring(4).trim(), reader, null);
        }
        if (!ref.startsWith("dir:")) {
            throw new Refused(ref + ": " + Annotations.TECHDOCS_REF + " must be dir:<path> or url:<location>");
        }
        String dir = ref.substring(4).trim();
        String location = entity.annotations().get(Annotations.MANAGED_BY_LOCATION);
        if (dir.isEmpty() || dir.indexOf('\0') >= 0 || dir.startsWith("/") || dir.startsWith("\\") || dir.contains(":")) {
            throw new Refused(ref + ": the path must be relative to the descriptor's folder");
        }
        if (location != null && location.startsWith("url:")) {
            String folder = resolveUrl(ref, location.substring(4).trim(), dir);
            return remote(ref, folder, reader, editBase(entity, dir));
        }
        if (location != null && location.startsWith("git:")) {
            GitDocs git = GitDocs.besideDescriptor(location.substring(4).trim(), dir, reader, ref);
            return new DocsLocation(REMOTE_ROOT, ref, editBase(entity, dir), git);
        }
        if (location == null || !location.startsWith("file:")) {
            throw new Refused(ref + ": docs are read beside file, url and git locations; this entity came from "
                    + (location == null ? "no location" : location.substring(0, Math.max(0, location.indexOf(':')))
                            + " location"));
        }
        Path descriptor = Path.of(location.substring(5)).toAbsolutePath().normalize();
        Path folder = descriptor.getParent().resolve(dir).normalize();
        Path real;
        try {
            real = reader.allowedPath(folder.toString());
        } catch (LocationReadException e) {
            throw new Refused(ref + ": " + (e.notFound() ? "the docs folder does not exist"
                    : "the docs folder lies outside the folders the portal may read (PORTAL_FILE_ROOTS)"));
        }
        if (!Files.isDirectory(real)) {
            throw new Refused(ref + ": not a folder");
        }
        return new DocsLocation(real, ref, editBase(entity, dir));
    }

    /** A folder named by URL: a git repository when it looks like one, else a plain web folder. */
    private static DocsLocation remote(String ref, String url, LocationReader reader, String editBase) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(ref + ": not a valid URL (" + e.getMessage() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new Refused(ref + ": only http and https URLs can be read");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Refused(ref + ": a docs URL names a folder, without ?query or #fragment");
        }
        GitDocs git = GitDocs.parse(uri, reader, ref);
        if (git != null) {
            return new DocsLocation(REMOTE_ROOT, ref, editBase != null ? editBase : git.editBase(), git);
        }
        return new DocsLocation(REMOTE_ROOT, ref, editBase, new HttpDocs(reader, HttpDocs.folder(uri), ref));
    }

    /** {@code dir} against the folder of a descriptor URL; it may not climb above the host's root. */
    private static String resolveUrl(String ref, String descriptor, String dir) throws Refused {
        try {
            URI base = new URI(descriptor);
            String relative = dir.endsWith("/") ? dir : dir + "/";
            URI folder = base.resolve(new URI(null, null, relative, null)).normalize();
            if (folder.getRawPath() == null || folder.getRawPath().contains("/../") || folder.getRawPath().startsWith("/..")) {
                throw new Refused(ref + ": the path climbs above the root of " + base.getHost());
            }
            return folder.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new Refused(ref + ": cannot be resolved against " + descriptor + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The edit URL base from {@code backstage.io/source-location} when it is a web URL of a
     * repository tree ({@code url:https://host/org/repo/tree/main/}): GitHub, GitLab and Gitea answer
     * edits under {@code /edit/} of the same path.
     */
    static String editBase(Entity entity, String dir) {
        String source = entity.annotations().get(Annotations.SOURCE_LOCATION);
        if (source == null || !source.startsWith("url:")) {
            return null;
        }
        String url = editBase(source.substring(4).trim());
        if (url == null) {
            return null;
        }
        String relative = Path.of(dir).normalize().toString().replace('\\', '/');
        if (relative.equals(".") || relative.isEmpty()) {
            return url;
        }
        if (relative.startsWith("..")) {
            return null;
        }
        return url + relative + "/";
    }

    /** A web URL of a repository tree turned into the base its files are edited under, or {@code null}. */
    static String editBase(String treeUrl) {
        String url = treeUrl;
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return null;
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!url.endsWith("/")) {
            url += "/";
        }
        return url.replace("/tree/", "/edit/").replace("/-/tree/", "/-/edit/").replace("/src/branch/", "/_edit/");
    }
}
