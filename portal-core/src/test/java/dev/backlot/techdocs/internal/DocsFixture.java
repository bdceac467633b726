package dev.backlot.techdocs.internal;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A docs folder, a store and a builder with the built-in renderers only (no plugins). */
final class DocsFixture implements AutoCloseable {

    static final ExtensionRegistry NO_PLUGINS = new ExtensionRegistry() {
        @Override
        public <S> List<Extension<S>> extensions(Class<S> type) {
            return List.of();
        }

        @Override
        public <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener) {
            return () -> { };
        }

        @Override
        public PluginCalls calls() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<URL> entry(long bundleId, String path) {
            return Optional.empty();
        }

        @Override
        public Optional<Long> revision(long bundleId) {
            return Optional.empty();
        }
    };

    /** One Asciidoctor for every test class of the run, as in the portal (its start takes seconds). */
    private static Renderers shared;

    final Path docs;
    final SiteStore store;
    final SiteBuilder builder;
    final Entity entity;
    String lastHash;

    DocsFixture(Path dir) throws Exception {
        docs = Files.createDirectories(dir.resolve("repo/docs-root"));
        store = new SiteStore(dir.resolve("data/techdocs"));
        builder = new SiteBuilder(store, renderers(), Limits.DEFAULT);
        entity = new Entity("backstage.io/v1alpha1", "Component", Map.of("name", "payments", "namespace", "default",
                "annotations", Map.of("backstage.io/techdocs-ref", "dir:./docs-root")), Map.of("owner", "team-a"), List.of());
    }

    static synchronized Renderers renderers() {
        if (shared == null) {
            shared = new Renderers(NO_PLUGINS);
        }
        return shared;
    }

    Path write(String path, String text) throws Exception {
        Path file = docs.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    SiteBuilder.Outcome build(BuildLog log) throws Exception {
        return build(log, false);
    }

    SiteBuilder.Outcome build(BuildLog log, boolean force) throws Exception {
        DocsLocation location = new DocsLocation(docs.toRealPath(), "dir:./docs-root", "https://git.example/org/repo/edit/main/");
        SiteBuilder.Outcome outcome = builder.build(entity, location, force, lastHash, log);
        if (outcome instanceof SiteBuilder.WaitingForAsciidoctor waiting) {
            waiting.started().get(180, java.util.concurrent.TimeUnit.SECONDS);
            outcome = builder.build(entity, location, force, lastHash, log);
        }
        if (outcome instanceof SiteBuilder.Built b) {
            lastHash = b.site().hash();
        }
        return outcome;
    }

    SiteBuilder.Built built() throws Exception {
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome outcome = build(log);
        if (!(outcome instanceof SiteBuilder.Built b)) {
            throw new AssertionError("expected a build, got " + outcome + " with log " + log.lines());
        }
        return b;
    }

    String failure() throws Exception {
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome outcome = build(log);
        if (!(outcome instanceof SiteBuilder.Failed f)) {
            throw new AssertionError("expected a failed build, got " + outcome + " with log " + log.lines());
        }
        return f.reason();
    }

    EntityRef ref() {
        return entity.ref();
    }

    String html(String pagePath) throws Exception {
        StoredSite site = store.site(ref()).orElseThrow();
        return Files.readString(store.file(ref(), site, pagePath + "index.html").orElseThrow());
    }

    StoredSite.StoredPage page(String pagePath) {
        return store.site(ref()).orElseThrow().pages().stream().filter(p -> p.path().equals(pagePath)).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
    }
}
