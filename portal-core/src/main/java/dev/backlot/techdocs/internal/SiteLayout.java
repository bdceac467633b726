package dev.backlot.techdocs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a docs folder is laid out: the MkDocs layout Backstage users have ({@code mkdocs.yml} with
 * {@code site_name}, {@code docs_dir}, {@code nav}), an AsciiDoc folder ({@code index.adoc} and its
 * siblings, nav from {@code nav.adoc}), or a plain folder whose navigation follows its structure.
 *
 * @param docsDir the folder of the pages inside the docs folder ({@code docs}, or {@code ""} for the folder itself)
 * @param siteName the site's name, or {@code null} to use the entity's
 * @param siteDescription a line about the site, or {@code null}
 * @param nav the navigation as written, or {@code null} to follow the folders
 * @param navSource the file the navigation comes from, left out of the pages ({@code nav.adoc}), or {@code null}
 */
record SiteLayout(String docsDir, String siteName, String siteDescription, List<NavEntry> nav, String navSource) {

    /**
     * One entry of a navigation as written.
     *
     * @param title the title written, or {@code null} to take the page's
     * @param target a page path relative to the docs dir, an outside URL, or {@code null} for a section
     * @param children a section's entries
     */
    record NavEntry(String title, String target, List<NavEntry> children) {
    }

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern NAV_XREF = Pattern.compile("^(\\*+)\\s+(?:xref:([^\\[\\s]+)\\[([^\\]]*)\\]|(.+))$");

    static SiteLayout of(DocsFolder folder, BuildLog log) {
        String config = folder.files().containsKey("mkdocs.yml") ? "mkdocs.yml"
                : folder.files().containsKey("mkdocs.yaml") ? "mkdocs.yaml" : null;
        if (config != null) {
            return mkdocs(folder, config, log);
        }
        if (folder.files().containsKey("nav.adoc")) {
            return new SiteLayout("", null, null, asciidocNav(folder.text("nav.adoc"), log), "nav.adoc");
        }
        return new SiteLayout("", null, null, null, null);
    }

    private static SiteLayout mkdocs(DocsFolder folder, String config, BuildLog log) {
        Map<?, ?> tree;
        try {
            Object read = YAML.readValue(folder.files().get(config), Object.class);
            tree = read instanceof Map<?, ?> m ? m : Map.of();
        } catch (Exception e) {
            log.warn(config + " cannot be read (" + firstLine(e.getMessage()) + "); using the defaults");
            tree = Map.of();
        }
        String docsDir = tree.get("docs_dir") instanceof String d ? d.trim() : "docs";
        String normal = Path.of(docsDir.isEmpty() ? "." : docsDir).normalize().toString().replace('\\', '/');
        if (normal.startsWith("..") || Path.of(docsDir).isAbsolute()) {
            log.warn(config + ": docs_dir '" + docsDir + "' leaves the docs folder; using docs");
            normal = "docs";
        }
        if (normal.equals(".")) {
            normal = "";
        }
        List<NavEntry> nav = tree.get("nav") instanceof List<?> list ? mkdocsNav(list, log, 0) : null;
        return new SiteLayout(normal, text(tree.get("site_name")), text(tree.get("site_description")), nav, null);
    }

    private static List<NavEntry> mkdocsNav(List<?> list, BuildLog log, int depth) {
        List<NavEntry> out = new ArrayList<>();
        if (depth > 8) {
            log.warn("mkdocs.yml: nav nested deeper than 8 levels is cut");
            return out;
        }
        for (Object item : list) {
            if (item instanceof String page) {
                out.add(new NavEntry(null, page.trim(), List.of()));
            } else if (item instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String title = String.valueOf(e.getKey());
                    if (e.getValue() instanceof String target) {
                        out.add(new NavEntry(title, target.trim(), List.of()));
                    } else if (e.getValue() instanceof List<?> children) {
                        out.add(new NavEntry(title, null, mkdocsNav(children, log, depth + 1)));
                    }
                }
            }
        }
        return out;
    }

    /** {@code * xref:page.adoc[Title]} lines, nested by the number of stars; other lines are section titles. */
    static List<NavEntry> asciidocNav(String text, BuildLog log) {
        List<NavEntry> root = new ArrayList<>();
        List<List<NavEntry>> levels = new ArrayList<>();
        levels.add(root);
        List<NavEntry> lastChildren = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            Matcher m = NAV_XREF.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int depth = m.group(1).length();
            if (depth > 8) {
                log.warn("nav.adoc: entries nested deeper than 8 levels are left out");
                continue;
            }
            while (levels.size() > depth) {
                levels.remove(levels.size() - 1);
            }
            while (levels.size() < depth) {
                if (lastChildren == null) {
                    lastChildren = new ArrayList<>();
                }
                levels.add(lastChildren);
            }
            List<NavEntry> into = levels.get(depth - 1);
            List<NavEntry> children = new ArrayList<>();
            NavEntry entry = m.group(2) != null
                    ? new NavEntry(m.group(3).isBlank() ? null : m.group(3).strip(), m.group(2), children)
                    : new NavEntry(m.group(4).strip(), null, children);
            into.add(entry);
            lastChildren = children;
        }
        return root;
    }

    /** The page files: those a renderer claims, under the docs dir, except the nav file. */
    List<String> pages(DocsFolder folder, Set<String> extensions) {
        List<String> out = new ArrayList<>();
        for (String path : folder.files().keySet()) {
            if (inDocsDir(path) && !path.equals(navSource) && extensions.contains(extension(path))) {
                out.add(path);
            }
        }
        return out;
    }

    boolean inDocsDir(String path) {
        return docsDir.isEmpty() || path.startsWith(docsDir + "/");
    }

    /** A path relative to the docs dir. */
    String inDocs(String path) {
        return docsDir.isEmpty() ? path : path.substring(docsDir.length() + 1);
    }

    static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
