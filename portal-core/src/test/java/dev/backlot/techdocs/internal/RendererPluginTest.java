package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import dev.backlot.plugins.internal.FelixPluginHost;
import dev.backlot.plugins.internal.HostExports;
import dev.backlot.spi.techdocs.DocsRenderer;
import dev.backlot.techdocs.internal.fixture.TextRendererActivator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link DocsRenderer} installed as a bundle into the real Felix while the engine runs adds a format
 * from the next build on, and taking it away makes those pages go with a clear reason.
 */
class RendererPluginTest {

    private static final String LOCATION = "test:text-renderer";

    @TempDir
    Path dir;
    FelixPluginHost host;
    Renderers renderers;
    SiteStore store;
    SiteBuilder builder;
    Path docs;
    final Entity entity = new Entity("backstage.io/v1alpha1", "Component", Map.of("name", "notes", "namespace", "default",
            "annotations", Map.of("backstage.io/techdocs-ref", "dir:.")), Map.of("owner", "team-a"), List.of());

    @BeforeEach
    void start() throws Exception {
        host = new FelixPluginHost(dir.resolve("felix-cache"), HostExports.exportPackage());
        host.start(List.of());
        renderers = new Renderers(host);
        store = new SiteStore(dir.resolve("data/techdocs"));
        builder = new SiteBuilder(store, renderers, Limits.DEFAULT);
        docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.txt"), "Release notes\nfirst <line>\n");
        Files.writeString(docs.resolve("howto.txt"), "How to\nsecond line\n");
    }

    @AfterEach
    void stop() {
        renderers.close();
        host.close();
    }

    private SiteBuilder.Outcome build(BuildLog log) throws Exception {
        return builder.build(entity, new DocsLocation(docs.toRealPath(), "dir:.", null), false,
                store.status(entity.ref()).map(StoredStatus::hash).orElse(null), log);
    }

    @Test
    void aRendererBundleAddsItsFormatWhileRunningAndItsRemovalFailsThoseDocsClearly() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        var subscription = renderers.onChange(changes::incrementAndGet);

        SiteBuilder.Outcome before = build(new BuildLog());
        assertThat(before).isInstanceOf(SiteBuilder.Failed.class);
        assertThat(((SiteBuilder.Failed) before).reason()).contains("has no file ending in").doesNotContain(".txt");

        host.install(LOCATION, textRendererBundle(), true);
        eventually(() -> changes.get() == 1);
        SiteBuilder.Outcome with = build(new BuildLog());

        assertThat(with).isInstanceOf(SiteBuilder.Built.class);
        StoredSite site = ((SiteBuilder.Built) with).site();
        assertThat(site.format()).isEqualTo("text");
        assertThat(site.pages()).extracting(StoredSite.StoredPage::title).containsExactly("Release notes", "How to");
        String html = Files.readString(store.file(entity.ref(), site, "index.html").orElseThrow());
        assertThat(html).contains("first &lt;line&gt;");

        host.uninstall(LOCATION);
        eventually(() -> changes.get() == 2);
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome after = build(log);

        assertThat(after).isInstanceOf(SiteBuilder.Failed.class);
        assertThat(((SiteBuilder.Failed) after).reason())
                .contains("the last build rendered text pages, which no renderer claims now: was its plugin removed?");
        assertThat(log.lines()).anyMatch(l -> l.contains("no renderer claims now"));
        subscription.close();
    }

    @Test
    void pagesOfARemovedFormatAreLeftOutOfAMixedSiteWithAWarning() throws Exception {
        Files.writeString(docs.resolve("index.md"), "# Home\n");
        Files.delete(docs.resolve("index.txt"));
        host.install(LOCATION, textRendererBundle(), true);
        SiteBuilder.Outcome with = build(new BuildLog());
        assertThat(((SiteBuilder.Built) with).site().pages()).extracting(StoredSite.StoredPage::path)
                .containsExactly("", "howto/");

        host.uninstall(LOCATION);
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome after = build(log);

        assertThat(after).as("log %s", log.lines()).isInstanceOf(SiteBuilder.Built.class);
        assertThat(((SiteBuilder.Built) after).site().pages()).extracting(StoredSite.StoredPage::path).containsExactly("");
        assertThat(log.lines()).anyMatch(l -> l.contains("the last build rendered text pages, which no renderer claims now"));
    }

    /** A bundle holding {@link TextRendererActivator}, built in memory. */
    private static byte[] textRendererBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.text.renderer");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", TextRendererActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework,dev.backlot.spi.techdocs");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> type : List.of(TextRendererActivator.class, TextRendererActivator.Text.class)) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
