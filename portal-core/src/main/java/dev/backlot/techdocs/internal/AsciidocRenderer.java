package dev.backlot.techdocs.internal;

import dev.backlot.spi.techdocs.DocsPageSource;
import dev.backlot.spi.techdocs.DocsRenderer;
import dev.backlot.spi.techdocs.RenderedPage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;

/**
 * The built-in AsciiDoc renderer: one Asciidoctor (JRuby) for the whole process, started on first
 * need on a thread of its own because JRuby takes seconds to boot; {@link #startMillis()} reports that
 * one-time cost apart from build times.
 *
 * <p>Safety: {@code SAFE} mode with the page's folder as base dir, and an include processor that
 * handles every {@code include::} itself, from the docs folder already read into memory: a target
 * that leaves the folder, or a URL, is refused with a build warning (SECURE mode would drop every
 * include). {@code data-uri} and {@code allow-uri-read} are locked off from the API, so a document
 * cannot read files or URLs through images either. Asciidoctor's log goes to the build's log, not
 * the server's.
 *
 * <p>Threading: conversions run one at a time (builds are serial); the page being converted is
 * handed to the include processor and the log handler through a thread-local.
 */
final class AsciidocRenderer implements DocsRenderer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AsciidocRenderer.class.getName());
    /** Asciidoctor's own JUL logger: kept referenced so its level sticks; documents must not flood the server log. */
    private static final Logger ASCIIDOCTOR_LOG = Logger.getLogger("asciidoctor");
    private static final ThreadLocal<PageSource> CURRENT = new ThreadLocal<>();

    private CompletableFuture<Asciidoctor> instance;
    private volatile long startMillis = -1;

    @Override
    public String format() {
        return "asciidoc";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".adoc", ".asciidoc");
    }

    /** Starts Asciidoctor in the background unless it is started or starting. */
    synchronized CompletableFuture<Asciidoctor> start() {
        if (instance == null) {
            instance = new CompletableFuture<>();
            Thread boot = new Thread(this::boot, "techdocs-asciidoctor-start");
            boot.setDaemon(true);
            boot.start();
        }
        return instance;
    }

    private void boot() {
        long t0 = System.nanoTime();
        try {
            ASCIIDOCTOR_LOG.setLevel(Level.OFF);
            Asciidoctor asciidoctor = Asciidoctor.Factory.create();
            asciidoctor.javaExtensionRegistry().includeProcessor(new JailedIncludes());
            asciidoctor.registerLogHandler(new ToBuildLog());
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info(() -> "Asciidoctor started in " + startMillis + " ms (once per process)");
            instance.complete(asciidoctor);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Asciidoctor could not start", e);
            instance.completeExceptionally(e);
        }
    }

    /** How long the one-time start took, or -1 before it finished. */
    long startMillis() {
        return startMillis;
    }

    /** Waits for Asciidoctor to be started (starting it if needed). */
    Asciidoctor ready(long timeoutMs) throws Exception {
        return start().get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public RenderedPage render(DocsPageSource page) throws Exception {
        if (!(page instanceof PageSource source)) {
            throw new IllegalArgumentException("the AsciiDoc renderer renders the portal's own page sources only");
        }
        Asciidoctor asciidoctor = ready(120_000);
        String dir = page.path().contains("/") ? page.path().substring(0, page.path().lastIndexOf('/')) : "";
        Path baseDir = source.root().resolve(dir);
        Attributes attributes = Attributes.builder()
                .attribute("showtitle", "")
                .attribute("idprefix", "")
                .attribute("idseparator", "-")
                .attribute("sectanchors!", "")
                .attribute("data-uri!", "")
                .attribute("allow-uri-read!", "")
                .attribute("max-include-depth", "16")
                .attribute("icons!", "")
                .attribute("source-highlighter!", "")
                .build();
        Options options = Options.builder().safe(SafeMode.SAFE).baseDir(baseDir.toFile()).standalone(false)
                .attributes(attributes).build();
        CURRENT.set(source);
        try {
            Document document = asciidoctor.load(page.text(), options);
            String title = document.getDoctitle();
            String html = document.convert();
            return new RenderedPage(title == null || title.isBlank() ? null : title, html);
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public synchronized void close() {
        if (instance != null && instance.isDone() && !instance.isCompletedExceptionally()) {
            instance.join().shutdown();
        }
    }

    /** Every {@code include::}, served from the docs folder in memory and refused outside it. */
    private static final class JailedIncludes extends IncludeProcessor {
        @Override
        public boolean handles(String target) {
            return true;
        }

        @Override
        public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
            PageSource page = CURRENT.get();
            if (page == null) {
                return;
            }
            Path root = page.root();
            Path dir = Path.of(reader.getDir() == null ? root.toString() : reader.getDir()).toAbsolutePath().normalize();
            Optional<String> content = Optional.empty();
            String relDir = dir.startsWith(root) ? root.relativize(dir).toString().replace('\\', '/') : null;
            if (relDir == null) {
                page.warn(page.path() + ": include of " + target + " refused: it leaves the docs folder");
            } else {
                content = page.readFrom(relDir, target);
            }
            String resolved = relDir == null ? null : PageSource.resolve(relDir, target);
            if (content.isPresent() && resolved != null) {
                reader.pushInclude(content.get(), root.resolve(resolved).toString(), resolved, 1, attributes);
            } else {
                reader.pushInclude("[.include-refused]#include of " + target.replace("#", "") + " refused#", null, null, 1,
                        attributes);
            }
        }
    }

    /** Asciidoctor's warnings go to the log of the build that caused them. */
    private static final class ToBuildLog implements LogHandler {
        @Override
        public void log(LogRecord record) {
            PageSource page = CURRENT.get();
            if (page != null) {
                page.warn(page.path() + ": " + record.getMessage());
            }
        }
    }
}
