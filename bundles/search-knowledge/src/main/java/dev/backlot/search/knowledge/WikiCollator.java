package dev.backlot.search.knowledge;

import dev.backlot.spi.search.CollatorContext;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * Documents of type {@value #TYPE}: Markdown ({@code .md}) and HTML ({@code .html}, {@code .htm})
 * wiki pages from the folders, files or URLs listed in {@code portal.search.knowledge.wiki}. A page
 * read from a URL links to that URL; a page read from a file links to
 * {@code portal.search.knowledge.wiki.site} plus its path in its folder (without the extension).
 */
@Component(service = SearchCollator.class)
public class WikiCollator implements SearchCollator {

    public static final String TYPE = "wiki";
    private static final Logger LOG = Logger.getLogger(WikiCollator.class.getName());
    static final int MAX_PAGES = 50_000;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> documents() {
        return Stream.empty();
    }

    @Override
    public Stream<SearchDocument> documents(CollatorContext context) {
        Optional<String> sources = context.setting("portal.search.knowledge.wiki");
        if (sources.isEmpty()) {
            return Stream.empty();
        }
        String site = context.setting("portal.search.knowledge.wiki.site").map(s -> s.replaceAll("/+$", "")).orElse("");
        List<SearchDocument> out = new ArrayList<>();
        for (String source : sources.get().split(",")) {
            String s = source.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                if (s.regionMatches(true, 0, "http", 0, 4)) {
                    page(s, context.read(s), s).ifPresent(out::add);
                } else if (site.matches("(?i)https?://\\S+")) {
                    Path root = Path.of(s.startsWith("file:") ? s.substring(5) : s);
                    List<String> files = java.nio.file.Files.isDirectory(root) ? context.list(s) : List.of(s);
                    Path base = java.nio.file.Files.isDirectory(root) ? root : root.getParent();
                    for (String file : files) {
                        if (out.size() >= MAX_PAGES) {
                            break;
                        }
                        String relative = base.toAbsolutePath().normalize().toRealPath()
                                .relativize(Path.of(file)).toString().replace('\\', '/');
                        String link = site + "/" + relative.replaceAll("\\.(md|html?)$", "");
                        if (isPage(file)) {
                            page(file, context.read(file), link).ifPresent(out::add);
                        }
                    }
                } else {
                    LOG.warning("Wiki pages from files need portal.search.knowledge.wiki.site (the wiki's http(s)"
                            + " address, for links): " + s + " left out");
                }
            } catch (IOException e) {
                LOG.warning("Wiki source " + s + " left out: " + e.getMessage());
            }
        }
        return out.stream();
    }

    private static boolean isPage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
    }

    /** A page's document: title from its first heading (or the file name), its text without markup. */
    static Optional<SearchDocument> page(String name, byte[] content, String link) {
        String body = new String(content, StandardCharsets.UTF_8);
        boolean html = name.toLowerCase(Locale.ROOT).matches(".*\\.html?$") || body.stripLeading().startsWith("<");
        String title = html ? Markup.htmlTitle(body) : Markup.markdownTitle(body);
        String text = html ? Markup.htmlText(body) : Markup.markdownText(body);
        if (title.isBlank()) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            title = file.replaceAll("\\.(md|html?)$", "").replace('-', ' ');
        }
        return text.isBlank() && title.isBlank() ? Optional.empty()
                : Optional.of(new SearchDocument(title, text, link, Map.of("source", "wiki")));
    }
}
