package dev.backlot.techdocs.internal;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.spi.techdocs.DocsPageSource;
import dev.backlot.spi.techdocs.DocsRenderer;
import dev.backlot.spi.techdocs.RenderedPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The renderers a build uses, chosen per file ending: plugin renderers first, by ranking, then the
 * two built in. Asked for at the start of each build, never kept past it, so a renderer plugin that
 * is installed, updated or removed counts from the next build on.
 *
 * <p>Every render call is bounded in time: plugin renderers through the plugin call guard, the built-in
 * ones on this class's own threads (a page that makes commonmark or Asciidoctor spin must cost its
 * build, not a thread of the runtime's scheduler, just as hung plugin calls never take those).
 * These threads have a large stack so that deeply nested documents fail with a clear reason.
 */
final class Renderers implements AutoCloseable {

    /** A renderer for one ending: a plugin's (with its extension, for the guard) or a built-in one. */
    record Chosen(DocsRenderer renderer, Extension<DocsRenderer> plugin) {
        String identity() {
            return plugin == null ? "builtin:" + renderer.format()
                    : "plugin:" + plugin.symbolicName() + ":" + plugin.bundleId() + ":" + renderer.format();
        }
    }

    private final ExtensionRegistry extensions;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final AsciidocRenderer asciidoc = new AsciidocRenderer();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "techdocs-render-" + threadCount.incrementAndGet(), 16L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    });

    Renderers(ExtensionRegistry extensions) {
        this.extensions = extensions;
    }

    AsciidocRenderer asciidoc() {
        return asciidoc;
    }

    /**
     * Calls {@code change} whenever a renderer plugin comes, changes or goes (on the registry's thread:
     * it must only schedule work).
     */
    ExtensionRegistry.Subscription onChange(Runnable change) {
        return extensions.addListener(DocsRenderer.class,
                new ExtensionListener<>() {
                    @Override
                    public void added(Extension<DocsRenderer> extension) {
                        change.run();
                    }

                    @Override
                    public void modified(Extension<DocsRenderer> extension) {
                        change.run();
                    }

                    @Override
                    public void removed(Extension<DocsRenderer> extension) {
                        change.run();
                    }
                });
    }

    /** The renderer for each ending, as of now. */
    Map<String, Chosen> current() {
        Map<String, Chosen> out = new LinkedHashMap<>();
        for (Extension<DocsRenderer> e : extensions.extensions(DocsRenderer.class)) {
            try {
                for (String ending : e.service().extensions()) {
                    out.putIfAbsent(ending.toLowerCase(Locale.ROOT), new Chosen(e.service(), e));
                }
            } catch (RuntimeException | LinkageError failure) {
                extensions.calls().failed(e, "DocsRenderer.extensions", failure);
            }
        }
        for (DocsRenderer builtin : List.of(markdown, asciidoc)) {
            for (String ending : builtin.extensions()) {
                out.putIfAbsent(ending, new Chosen(builtin, null));
            }
        }
        return out;
    }

    /** Renders one page within {@code limitMs}; a failure names the reason in words. */
    RenderedPage render(Chosen chosen, DocsPageSource page, long limitMs) throws Exception {
        if (chosen.plugin() != null) {
            return extensions.calls().call(chosen.plugin(), "DocsRenderer.render", Duration.ofMillis(limitMs),
                    () -> chosen.renderer().render(page));
        }
        Future<RenderedPage> future = threads.submit(() -> chosen.renderer().render(page));
        try {
            return future.get(limitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("rendering took longer than " + limitMs + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StackOverflowError) {
                throw new IllegalStateException("the document is nested too deeply to render");
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(String.valueOf(cause), cause);
        }
    }

    List<String> formats(Map<String, Chosen> chosen) {
        List<String> out = new ArrayList<>();
        chosen.values().forEach(c -> {
            if (!out.contains(c.renderer().format())) {
                out.add(c.renderer().format());
            }
        });
        return out;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        asciidoc.close();
    }
}
