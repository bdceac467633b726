package dev.backlot.techdocs.internal;

import dev.backlot.catalog.LocationReadException;
import dev.backlot.catalog.LocationReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docs in a folder on a plain web server (an allow-listed host), in the MkDocs layout. A web server
 * cannot list a folder, so what is read is what {@code mkdocs.yml} names: the config itself, the pages
 * of its {@code nav} and {@code index.md} in its {@code docs_dir}, and the images those pages show
 * from inside the docs folder. Without a {@code nav} only {@code index.md} can be found; pages
 * linked from pages but not in the nav are not read. Each read goes through the catalog's url reader
 * (allow-list, redirects checked, per-file cap, time limit); the build's file count and total size
 * limits hold for the whole folder.
 *
 * <p>Nav entries that leave the docs folder ({@code ../}, absolute paths) or name another server are
 * not fetched, with a build warning; an image outside the docs folder is not fetched either.
 */
final class HttpDocs implements DocsSource {

    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_IMAGE = Pattern.compile("<img\\s[^>]*?src\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> IMAGE_ENDINGS = Set.of(".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico");

    private final LocationReader reader;
    private final URI folder;
    private final String display;

    /** @param folder the folder's URL, ending in {@code /} (see {@link #folder}) */
    HttpDocs(LocationReader reader, URI folder, String display) {
        this.reader = reader;
        this.folder = folder;
        this.display = display;
    }

    /** The folder a URL names: itself when it ends in {@code /}, the parent of {@code .../mkdocs.yml}, else itself plus {@code /}. */
    static URI folder(URI uri) {
        String text = uri.normalize().toString();
        if (text.endsWith("/mkdocs.yml") || text.endsWith("/mkdocs.yaml")) {
            return URI.create(text.substring(0, text.lastIndexOf('/') + 1));
        }
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    @Override
    public DocsFolder read(Limits limits, BuildLog log) throws DocsFolder.Unreadable {
        log.info("reading " + folder + " over HTTP (mkdocs.yml, the pages of its nav and index.md)");
        long deadline = System.currentTimeMillis() + limits.buildTimeoutMs();
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        String config = "mkdocs.yml";
        byte[] yml = fetch(config, files, total, limits, deadline);
        if (yml == null) {
            config = "mkdocs.yaml";
            yml = fetch(config, files, total, limits, deadline);
        }
        if (yml == null) {
            throw new DocsFolder.Unreadable(display + ": no mkdocs.yml at " + folder + " (a docs folder on a web server is"
                    + " read through its mkdocs.yml, since the server cannot list the folder)");
        }
        // the layout as the build will see it; its warnings are the build's to give, not ours
        SiteLayout layout = SiteLayout.of(new DocsFolder(Map.of(config, yml), ""), new BuildLog());
        String docs = layout.docsDir().isEmpty() ? "" : layout.docsDir() + "/";
        Set<String> pages = new LinkedHashSet<>();
        pages.add("index.md");
        if (layout.nav() == null) {
            log.info(config + " has no nav: only index.md can be found in a folder read over HTTP");
        } else {
            navTargets(layout.nav(), pages, log);
        }
        List<String> images = new ArrayList<>();
        for (String page : pages) {
            byte[] text = fetch(docs + page, files, total, limits, deadline);
            if (text == null) {
                log.warn(page + ": not found at " + folder.resolve(encode(docs + page)));
                continue;
            }
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : "";
            for (String target : images(new String(text, StandardCharsets.UTF_8))) {
                String resolved = PageSource.resolve(dir, target);
                if (resolved == null) {
                    if (!target.contains(":") && !target.startsWith("//")) {
                        log.warn(page + ": image " + target + " not fetched: it leaves the docs folder");
                    }
                    continue;
                }
                if (IMAGE_ENDINGS.contains(SiteLayout.extension(resolved)) && !images.contains(resolved)
                        && !pages.contains(resolved)) {
                    images.add(resolved);
                }
            }
        }
        for (String image : images) {
            if (fetch(docs + image, files, total, limits, deadline) == null) {
                log.warn("image " + image + ": not found at " + folder.resolve(encode(docs + image)));
            }
        }
        return new DocsFolder(files, DocsFolder.hash(files));
    }

    /** The page paths the nav names inside the docs folder; others are refused with a warning. */
    private static void navTargets(List<SiteLayout.NavEntry> entries, Set<String> into, BuildLog log) {
        for (SiteLayout.NavEntry e : entries) {
            if (e.target() != null) {
                String target = e.target();
                int hash = target.indexOf('#');
                String path = hash >= 0 ? target.substring(0, hash) : target;
                String resolved = PageSource.resolve("", path);
                if (target.contains("://") || target.startsWith("//")) {
                    log.warn("nav entry " + target + " not fetched: pages are read from inside the docs folder only");
                } else if (resolved == null || resolved.isEmpty()) {
                    log.warn("nav entry " + target + " not fetched: it leaves the docs folder");
                } else {
                    into.add(resolved);
                }
            }
            navTargets(e.children(), into, log);
        }
    }

    private static List<String> images(String markdown) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(MARKDOWN_IMAGE, HTML_IMAGE)) {
            Matcher m = p.matcher(markdown);
            while (m.find()) {
                String target = m.group(1);
                int cut = target.indexOf('#');
                cut = cut < 0 ? target.indexOf('?') : cut;
                out.add(cut >= 0 ? target.substring(0, cut) : target);
            }
        }
        return out;
    }

    /**
     * Reads one file of the folder into {@code files}; {@code null} when the server has none.
     *
     * @throws DocsFolder.Unreadable when it is refused, too large, breaks a limit of the folder, or failed
     */
    private byte[] fetch(String path, Map<String, byte[]> files, long[] total, Limits limits, long deadline)
            throws DocsFolder.Unreadable {
        if (files.containsKey(path)) {
            return files.get(path);
        }
        if (files.size() >= limits.maxFiles()) {
            throw new DocsFolder.TooLarge("the docs folder has more than " + limits.maxFiles() + " files");
        }
        if (System.currentTimeMillis() > deadline) {
            throw new DocsFolder.Unreadable("reading the docs took longer than " + limits.buildTimeoutMs() + " ms");
        }
        URI url = folder.resolve(encode(path));
        if (!url.toString().startsWith(folder.toString())) {
            throw new DocsFolder.Unreadable(path + " leaves the docs folder " + folder);
        }
        byte[] bytes;
        try {
            bytes = reader.url(url.toString());
        } catch (LocationReadException e) {
            if (e.notFound()) {
                return null;
            }
            throw new DocsFolder.Unreadable(display + ": " + e.getMessage());
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw new DocsFolder.TooLarge(path + " is " + bytes.length + " bytes; the limit for one file is "
                    + limits.maxFileBytes());
        }
        total[0] += bytes.length;
        if (total[0] > limits.maxTotalBytes()) {
            throw new DocsFolder.TooLarge("the docs folder holds more than " + limits.maxTotalBytes() + " bytes");
        }
        files.put(path, bytes);
        return bytes;
    }

    /** A relative path as a relative URI, each segment percent-encoded. */
    private static URI encode(String path) {
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path + " is not a valid path", e);
        }
    }
}
