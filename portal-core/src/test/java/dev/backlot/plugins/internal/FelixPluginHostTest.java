package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import dev.backlot.spi.search.SearchCollator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry and the host's error reporting, in a real Felix framework. */
class FelixPluginHostTest {

    @TempDir
    Path dir;
    private FelixPluginHost host;

    @BeforeEach
    void start() throws Exception {
        host = new FelixPluginHost(dir.resolve("cache"), HostExports.exportPackage());
        host.start(List.of());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void listenersHearOfServicesAsTheyComeAreSwitchedAndGo() throws Exception {
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        host.install("test:first", TestBundles.action("test.first", "1.0.0", "demo:run", 10), true);
        var subscription = host.addListener(ScaffolderAction.class, new dev.backlot.plugins.ExtensionListener<>() {
            @Override
            public void added(Extension<ScaffolderAction> e) {
                heard.add("added " + e.symbolicName());
            }

            @Override
            public void removed(Extension<ScaffolderAction> e) {
                heard.add("removed " + e.symbolicName());
            }
        });
        // what serves already is told first
        eventually(() -> heard.equals(List.of("added test.first")));

        long second = host.install("test:second", TestBundles.action("test.second", "1.0.0", "demo:run", 10), false)
                .orElseThrow().getBundleId();
        host.hidden().hide(second);
        assertThat(host.start(second)).isEmpty();
        Thread.sleep(300); // staged and hidden: nothing to tell yet
        assertThat(heard).containsExactly("added test.first");

        host.hidden().switchServing(host.bundleAt("test:first").orElseThrow().getBundleId(), second);
        eventually(() -> heard.size() == 3);
        assertThat(heard).containsExactly("added test.first", "added test.second", "removed test.first");

        host.uninstall("test:second");
        eventually(() -> heard.size() == 4);
        assertThat(heard.get(3)).isEqualTo("removed test.second");

        subscription.close();
        host.install("test:third", TestBundles.action("test.third", "1.0.0", "demo:run", 10), true);
        Thread.sleep(300);
        assertThat(heard).hasSize(4);
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void higherRankedServiceComesFirst() {
        host.install("test:low", TestBundles.action("test.low", "1.0.0", "demo:run", 10), true);
        host.install("test:high", TestBundles.action("test.high", "1.0.0", "demo:run", 100), true);

        List<Extension<ScaffolderAction>> actions = host.extensions(ScaffolderAction.class);

        assertThat(actions).extracting(Extension::symbolicName).containsExactly("test.high", "test.low");
        assertThat(actions).extracting(Extension::ranking).containsExactly(100, 10);
        assertThat(outputOf(actions.get(0).service())).isEqualTo("test.high");
    }

    @Test
    void removedServiceDisappearsAndTheNextOneServes() {
        host.install("test:low", TestBundles.action("test.low", "1.0.0", "demo:run", 10), true);
        host.install("test:high", TestBundles.action("test.high", "1.0.0", "demo:run", 100), true);

        host.uninstall("test:high");

        assertThat(host.services(ScaffolderAction.class)).hasSize(1);
        assertThat(outputOf(host.services(ScaffolderAction.class).get(0))).isEqualTo("test.low");
        assertThat(host.extensions(SearchCollator.class)).isEmpty();
    }

    @Test
    void pluginListShowsWhatEachBundleContributes() {
        host.install("test:one", TestBundles.action("test.one", "2.3.4", "demo:one", 0), true);

        PluginInfo info = host.plugin("test.one").orElseThrow();

        assertThat(info.state()).isEqualTo("ACTIVE");
        assertThat(info.version()).isEqualTo("2.3.4");
        assertThat(info.location()).isEqualTo("test:one");
        assertThat(info.services()).containsExactly(ScaffolderAction.class.getName());
        assertThat(info.problem()).isNull();
    }

    @Test
    void activatorThatThrowsIsReportedAndTheBundleStaysStopped() {
        host.install("test:boom", TestBundles.failingActivator("test.boom", "database missing"), true);

        PluginInfo info = host.plugin("test.boom").orElseThrow();

        assertThat(info.state()).isIn("RESOLVED", "INSTALLED");
        assertThat(info.problem()).contains("activator failed").contains("database missing");
        assertThat(host.isRunning()).isTrue();
    }

    @Test
    void jarThatIsNoBundleIsListedAsFailedWithTheReason() {
        host.install("test:garbage", "this is not a zip".getBytes(), true);

        assertThat(host.plugins()).filteredOn(p -> "test:garbage".equals(p.location())).singleElement()
                .satisfies(p -> {
                    assertThat(p.state()).isEqualTo("FAILED");
                    assertThat(p.problem()).isNotBlank();
                });
    }

    @Test
    void engineInternalsAreNotExportedToBundles() {
        host.install("test:peeker", TestBundles.plain("test.peeker", "1.0.0",
                Map.of("Import-Package", "dev.backlot.plugins.internal")), true);

        assertThat(host.plugin("test.peeker").orElseThrow().problem())
                .contains("missing package dev.backlot.plugins.internal");
    }

    @Test
    void exportsCarryTheSpiVersions() {
        assertThat(HostExports.exportPackage()).contains("dev.backlot.model;version=\"1.0.0\"")
                .contains("dev.backlot.spi.scaffolder;version=\"0.3.0\"").doesNotContain("internal");
    }

    @Test
    void askingForANonExtensionTypeIsAProgrammingError() {
        assertThatThrownBy(() -> host.extensions(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String outputOf(ScaffolderAction action) {
        Map<String, Object> out = new HashMap<>();
        try {
            action.execute(new ActionContext() {
                public Map<String, Object> input() {
                    return Map.of();
                }

                public void log(String line) {
                }

                public void output(String name, Object value) {
                    out.put(name, value);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return (String) out.get("from");
    }
}
