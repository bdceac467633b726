package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.model.Entity;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.plugins.PluginHealth;
import dev.backlot.plugins.internal.fixture.ProcessorActivator;
import dev.backlot.spi.catalog.EntityProcessor;
import dev.backlot.spi.catalog.ProcessingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins that throw, block or loop: their calls hit the limit and are counted, and they can still be stopped. */
class MisbehavingPluginTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private PlatformNode node;
    private DefaultPluginManager manager;

    @BeforeEach
    void start() throws Exception {
        System.clearProperty(ProcessorActivator.RELEASE);
        node = PlatformNode.start(dir, PlatformNode.h2(dir), null, List.of());
        manager = node.manager();
    }

    @AfterEach
    void stop() {
        System.setProperty(ProcessorActivator.RELEASE, "true"); // ends the loop of the stubborn plugin
        node.close();
    }

    @Test
    void pluginThatLoopsIgnoringInterruptsTimesOutIsCountedAndCanBeStopped() throws Exception {
        manager.install(TestBundles.processor("com.example.loop", "1.0.0", "stubborn"), "alice");
        manager.install(TestBundles.processor("com.example.fine", "1.0.0", "annotate"), "alice");

        assertThatThrownBy(() -> process("com.example.loop")).isInstanceOfSatisfying(PluginCallException.class,
                e -> assertThat(e.timedOut()).isTrue());
        PluginHealth health = manager.plugin("com.example.loop").orElseThrow().health();
        assertThat(health.calls()).isEqualTo(1);
        assertThat(health.failures()).isEqualTo(1);
        assertThat(health.timeouts()).isEqualTo(1);
        assertThat(health.lastError()).contains("EntityProcessor.process").contains("no answer within 300 ms");
        assertThat(health.lastErrorAt()).isNotNull();

        // the other plugin carries on while the loop still runs, and the looping one stops
        assertThat(process("com.example.fine")).isNotNull();
        assertThat(manager.stop("com.example.loop", "alice").state()).isEqualTo("RESOLVED");
        assertThat(processors()).extracting(Extension::symbolicName).containsExactly("com.example.fine");
        manager.uninstall("com.example.loop", "alice");
        assertThat(manager.plugin("com.example.loop")).isEmpty();
    }

    @Test
    void pluginThatBlocksTimesOutAndCanBeUninstalled() {
        manager.install(TestBundles.processor("com.example.block", "1.0.0", "hang"), "alice");

        assertThatThrownBy(() -> process("com.example.block")).isInstanceOfSatisfying(PluginCallException.class,
                e -> assertThat(e.timedOut()).isTrue());
        manager.uninstall("com.example.block", "alice");

        assertThat(processors()).isEmpty();
    }

    @Test
    void pluginThatThrowsIsCountedWithItsErrorInHealthAndDetail() {
        manager.install(TestBundles.processor("com.example.boom", "1.0.0", "throw"), "alice");

        assertThatThrownBy(() -> process("com.example.boom")).isInstanceOfSatisfying(PluginCallException.class,
                e -> assertThat(e.timedOut()).isFalse()).hasMessageContaining("processor exploded on svc");

        assertThat(manager.plugin("com.example.boom").orElseThrow().health())
                .satisfies(h -> assertThat(h.failures()).isEqualTo(1))
                .satisfies(h -> assertThat(h.timeouts()).isZero());
        assertThat(manager.detail("com.example.boom").orElseThrow().recentErrors()).singleElement().asString()
                .contains("IllegalStateException: processor exploded on svc");
    }

    private Entity process(String symbolicName) throws PluginCallException {
        Extension<EntityProcessor> processor = processors().stream()
                .filter(p -> symbolicName.equals(p.symbolicName())).findFirst().orElseThrow();
        Entity entity = new Entity("backstage.io/v1alpha1", "Component", Map.of("name", "svc"), Map.of(), List.of());
        return node.host.calls().call(processor, "EntityProcessor.process", LIMIT,
                () -> processor.service().process(entity, new ProcessingContext() {
                    public String location() {
                        return "test:";
                    }

                    public void error(String message) {
                    }
                }));
    }

    private List<Extension<EntityProcessor>> processors() {
        return node.host.extensions(EntityProcessor.class);
    }
}
