package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.PluginInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node started again on the same database brings back exactly the same plugins. */
class RestartTest {

    private static final String NAME = DefaultPluginManagerTest.NAME;
    private static final String BUILTIN = "com.example.builtin";

    @TempDir
    Path dir;

    @Test
    void restartBringsBackTheSameSetVersionsAndStates() throws Exception {
        List<String> before;
        try (PlatformNode node = start(builtin("1.0.0"))) {
            node.manager().install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
            node.manager().update(NAME, DefaultPluginManagerTest.demo("2.0.0"), "alice");
            node.manager().install(TestBundles.action("com.example.idle", "3.0.0", "idle:run", 0), "alice");
            node.manager().stop("com.example.idle", "alice");
            before = identities(node);
        }

        try (PlatformNode node = start(builtin("1.0.0"))) {
            assertThat(identities(node)).isEqualTo(before).contains(NAME + "@2.0.0:ACTIVE",
                    "com.example.idle@3.0.0:RESOLVED", BUILTIN + "@1.0.0:ACTIVE");
            assertThat(node.versionServing(NAME)).isEqualTo("2.0.0");
            assertThat(node.versionServing("com.example.idle")).isNull();
            assertThat(node.platform.inactive()).isEmpty();
            // the kept versions came back with their jars
            node.manager().rollback(NAME, "bob");
            assertThat(node.versionServing(NAME)).isEqualTo("1.0.0");
        }
    }

    @Test
    void aHigherShippedBuiltinReplacesTheStoredOneAndCanBeRolledBack() throws Exception {
        try (PlatformNode node = start(builtin("1.0.0"))) {
            assertThat(node.manager().plugin(BUILTIN).orElseThrow().source()).isEqualTo("builtin");
        }

        try (PlatformNode node = start(builtin("1.1.0"))) {
            PluginInfo upgraded = node.manager().plugin(BUILTIN).orElseThrow();
            assertThat(upgraded.version()).isEqualTo("1.1.0");
            assertThat(upgraded.rollbackVersion()).isEqualTo("1.0.0");
            assertThat(node.audit()).anySatisfy(e -> assertThat(e.action() + " " + e.target()).isEqualTo("plugin.upgrade " + BUILTIN));
        }
    }

    @Test
    void anUploadedVersionKeepsPrecedenceOverTheShippedBuiltin() throws Exception {
        try (PlatformNode node = start(builtin("1.0.0"))) {
            node.manager().update(BUILTIN, TestBundles.action(BUILTIN, "1.0.5", "builtin:run", 0), "alice");
        }

        try (PlatformNode node = start(builtin("2.0.0"))) {
            assertThat(node.manager().plugin(BUILTIN).orElseThrow().version()).isEqualTo("1.0.5");
        }
    }

    @Test
    void aBuiltinTheAdminUninstalledStaysUninstalled() throws Exception {
        try (PlatformNode node = start(builtin("1.0.0"))) {
            node.manager().uninstall(BUILTIN, "alice");
        }

        try (PlatformNode node = start(builtin("1.0.0"))) {
            assertThat(node.manager().plugin(BUILTIN)).isEmpty();
            assertThat(node.platform.expectedActive()).doesNotContain(BUILTIN);
        }
    }

    private PlatformNode start(BundleSource builtin) throws Exception {
        return PlatformNode.start(dir, PlatformNode.h2(dir), null, List.of(builtin));
    }

    private static BundleSource builtin(String version) {
        return new BundleSource("builtin.jar", TestBundles.action(BUILTIN, version, "builtin:run", 0));
    }

    private static List<String> identities(PlatformNode node) {
        return node.manager().plugins().stream().map(p -> p.symbolicName() + "@" + p.version() + ":" + p.state())
                .sorted().toList();
    }
}
