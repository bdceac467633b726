package dev.backlot.techdocs.internal;

import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where an entity's docs live, from its {@code backstage.io/techdocs-ref} annotation: {@code dir:<path>}
 * relative to the folder of the descriptor that brought the entity in, under the same file roots the
 * catalog may read. An {@code url:} reference, or a {@code dir:} under a URL location, names docs on
 * another server, which this version does not fetch: the build fails and says so.
 *
 * @param root the docs folder, real path (symbolic links resolved), inside a file root
 * @param display how the folder is named in logs and on pages: the annotation's value, never a server path
 * @param editBase the web URL the folder's files can be edited under (ends with {@code /}), or {@code null}
 */
record DocsLocation(Path root, String display, String editBase) {

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

    static DocsLocation of(Entity entity, List<Path> fileRoots) throws Refused {
        String ref = reference(entity);
        if (ref == null) {
            throw new Refused("the entity has no " + Annotations.TECHDOCS_REF + " annotation");
        }
        if (ref.startsWith("url:")) {
            throw new Refused(ref + ": docs at a URL are not fetched by this version; keep them beside the descriptor"
                    + " and use dir:<path>");
        }
        if (!ref.startsWith("dir:")) {
            throw new Refused(ref + ": " + Annotations.TECHDOCS_REF + " must be dir:<path> or url:<location>");
        }
        String dir = ref.substring(4).trim();
        String location = entity.annotations().get(Annotations.MANAGED_BY_LOCATION);
        if (location == null || !location.startsWith("file:")) {
            throw new Refused(ref + ": docs are read beside file locations only; this entity came from "
                    + (location == null ? "no location" : location.substring(0, Math.max(0, location.indexOf(':')))
                            + " location"));
        }
        if (dir.isEmpty() || dir.indexOf('\0') >= 0 || Path.of(dir).isAbsolute()) {
            throw new Refused(ref + ": the path must be relative to the descriptor's folder");
        }
        Path descriptor = Path.of(location.substring(5)).toAbsolutePath().normalize();
        Path folder = descriptor.getParent().resolve(dir).normalize();
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new Refused(ref + ": the docs folder does not exist");
        }
        if (!Files.isDirectory(real)) {
            throw new Refused(ref + ": not a folder");
        }
        boolean allowed = false;
        for (Path root : fileRoots) {
            Path realRoot;
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                continue;
            }
            allowed |= real.startsWith(realRoot);
        }
        if (!allowed) {
            throw new Refused(ref + ": the docs folder lies outside the folders the portal may read (PORTAL_FILE_ROOTS)");
        }
        return new DocsLocation(real, ref, editBase(entity, dir));
    }

    /**
     * The edit URL base from {@code backstage.io/source-location} when it is a web URL of a
     * repository tree ({@code url:https://host/org/repo/tree/main/}): GitHub, GitLab and Gitea answer
     * edits under {@code /edit/} of the same path.
     */
    private static String editBase(Entity entity, String dir) {
        String source = entity.annotations().get(Annotations.SOURCE_LOCATION);
        if (source == null || !source.startsWith("url:")) {
            return null;
        }
        String url = source.substring(4).trim();
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
        url = url.replace("/tree/", "/edit/").replace("/-/tree/", "/-/edit/").replace("/src/branch/", "/_edit/");
        String relative = Path.of(dir).normalize().toString().replace('\\', '/');
        if (relative.equals(".") || relative.isEmpty()) {
            return url;
        }
        if (relative.startsWith("..")) {
            return null;
        }
        return url + relative + "/";
    }
}
