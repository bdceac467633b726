package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.internal.FelixPluginHost;
import dev.backlot.plugins.internal.HostExports;
import dev.backlot.plugins.internal.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EntityProcessor plugins in a real Felix, installed and removed while the catalog runs. */
class CatalogPluginProcessingTest {

    @TempDir
    Path dir;
    private FelixPluginHost host;
    private CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        host = new FelixPluginHost(dir.resolve("felix"), HostExports.exportPackage());
        host.start(List.of());
        f = new CatalogFixture(dir, host, "delete", List.of());
        f.catalog.addLocation("file", f.write("p/catalog-info.yaml", component("plain", "team-a", null)).toString(), false);
        f.idle();
    }

    @AfterEach
    void stop() {
        f.close();
        host.close();
    }

    @Test
    void installedProcessorChangesEntitiesAndUninstallingItChangesThemBack() throws Exception {
        host.install("test:annotator", TestBundles.processor("test.annotator", "1.2.3", "annotate"), true);
        f.catalog.refresh("component:default/plain");
        f.idle();
        assertThat(annotations()).containsEntry("test/processed", "1.2.3");

        host.uninstall("test:annotator");
        f.catalog.refresh("component:default/plain");
        f.idle();
        assertThat(annotations()).doesNotContainKey("test/processed");
    }

    @Test
    void throwingProcessorBecomesAnEntityErrorAndTheEntityStays() throws Exception {
        host.install("test:thrower", TestBundles.processor("test.thrower", "1.0.0", "throw"), true);

        f.catalog.refresh("component:default/plain");
        f.idle();

        assertThat(f.trees.entity("component", "default", "plain")).isPresent();
        assertThat(f.catalog.processingErrors()).anySatisfy(e -> {
            assertThat(e.entityRef()).isEqualTo("component:default/plain");
            assertThat(e.message()).contains("test.thrower").contains("processor exploded on plain");
        });
        assertThat(status()).isNotNull();
        assertThat(host.calls().health("test.thrower").failures()).isPositive();
    }

    @Test
    void hangingProcessorHitsTheTimeLimitAndTheRunFinishes() throws Exception {
        host.install("test:hanger", TestBundles.processor("test.hanger", "1.0.0", "hang"), true);
        host.install("test:annotator", TestBundles.processor("test.annotator", "2.0.0", "annotate"), true);

        f.catalog.refresh("component:default/plain");
        f.idle();

        assertThat(f.catalog.processingErrors()).anySatisfy(e -> assertThat(e.message()).contains("test.hanger")
                .contains("did not finish"));
        // The other processor still ran.
        assertThat(annotations()).containsEntry("test/processed", "2.0.0");
        assertThat(host.calls().health("test.hanger").timeouts()).isPositive();
    }

    @Test
    void providerReplacedBlueGreenKeepsItsEntities() throws Exception {
        host.install("test:provider#1", TestBundles.provider("test.provider", "1.0.0", "demo-provider"), true);
        CatalogFixture.eventually(() -> providerVersion().equals("1.0.0"), "the provider's entity");

        // the new revision starts hidden beside the old one, then serving switches, then the old one goes
        long old = host.bundleAt("test:provider#1").orElseThrow().getBundleId();
        long next = host.install("test:provider#2", TestBundles.provider("test.provider", "2.0.0", "demo-provider"), false)
                .orElseThrow().getBundleId();
        host.hidden().hide(next);
        assertThat(host.start(next)).isEmpty();
        host.hidden().switchServing(old, next);
        CatalogFixture.eventually(() -> providerVersion().equals("2.0.0"), "the new revision's entity");
        host.uninstall("test:provider#1");

        // the old revision's provider was disconnected, and its removal took nothing with it
        CatalogFixture.eventually(() -> System.getProperty("test.provider.disconnected.demo-provider.1.0.0") != null,
                "the old revision's disconnect");
        f.idle();
        assertThat(providerVersion()).isEqualTo("2.0.0");
    }

    @Test
    void aProviderIsConnectedWhenItAppearsAndDisconnectedWithItsEntitiesWhenItGoes() throws Exception {
        // No polling: the registry tells the catalog of the provider, which connects it and stores what it pushes.
        host.install("test:pushed", TestBundles.provider("test.pushed", "3.0.0", "pushed-provider"), true);
        CatalogFixture.eventually(() -> providerVersion().equals("3.0.0"), "the provider's entity");

        host.uninstall("test:pushed");

        CatalogFixture.eventually(() -> System.getProperty("test.provider.disconnected.pushed-provider.3.0.0") != null,
                "the provider's disconnect");
        CatalogFixture.eventually(() -> f.trees.entity("component", "default", "from-provider").isEmpty(),
                "the provider's entities to go with it");
    }

    @SuppressWarnings("unchecked")
    private String providerVersion() {
        return f.trees.entity("component", "default", "from-provider").map(e -> (Map<String, Object>) e.get("metadata"))
                .map(m -> (Map<String, Object>) m.getOrDefault("annotations", Map.of()))
                .map(a -> String.valueOf(a.get("test/provider-version"))).orElse("");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> annotations() {
        Map<String, Object> metadata = (Map<String, Object>) f.trees.entity("component", "default", "plain").orElseThrow()
                .get("metadata");
        return (Map<String, Object>) metadata.getOrDefault("annotations", Map.of());
    }

    private Object status() {
        return f.trees.entity("component", "default", "plain").orElseThrow().get("status");
    }
}
