package dev.backlot.techdocs.internal;

import dev.backlot.spi.techdocs.DocsPageSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The portal's {@link DocsPageSource}: a page of a docs folder already read into memory, with reads
 * of its siblings jailed to that folder (nothing is read from the disk here, so a symbolic link or a
 * {@code ..} can never reach beyond it).
 */
final class PageSource implements DocsPageSource {

    private final String entityRef;
    private final String path;
    private final String text;
    private final DocsFolder folder;
    private final Path root;
    private final BuildLog log;

    PageSource(String entityRef, String path, String text, DocsFolder folder, Path root, BuildLog log) {
        this.entityRef = entityRef;
        this.path = path;
        this.text = text;
        this.folder = folder;
        this.root = root;
        this.log = log;
    }

    @Override
    public String entityRef() {
        return entityRef;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Optional<String> read(String relative) {
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        return readFrom(parent, relative);
    }

    /** Reads {@code relative} against {@code dir} (a folder inside the docs folder, {@code ""} for its root). */
    Optional<String> readFrom(String dir, String relative) {
        String resolved = resolve(dir, relative);
        if (resolved == null) {
            warn(path + ": include of " + relative + " refused: it leaves the docs folder");
            return Optional.empty();
        }
        byte[] bytes = folder.files().get(resolved);
        if (bytes == null) {
            warn(path + ": include of " + relative + " not found in the docs folder");
            return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * {@code relative} resolved against {@code dir}, both inside the docs folder: the normalised
     * path, or {@code null} when it is absolute, a URL, or climbs out.
     */
    static String resolve(String dir, String relative) {
        if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.startsWith("/")
                || relative.startsWith("\\") || relative.contains(":")) {
            return null;
        }
        Path resolved = Path.of(dir.isEmpty() ? "." : dir).resolve(relative.replace('\\', '/')).normalize();
        String out = resolved.toString().replace('\\', '/');
        if (out.equals("..") || out.startsWith("../") || resolved.isAbsolute()) {
            return null;
        }
        return out.equals(".") ? "" : out;
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    Path root() {
        return root;
    }
}
