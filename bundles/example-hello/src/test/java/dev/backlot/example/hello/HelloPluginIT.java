package dev.backlot.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.testing.PluginTestHost;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged example-hello bundle in the portal's real plugin host (Felix with Declarative
 * Services): installed, used, updated in place, uninstalled. This is also how a plugin author tests
 * a plugin: build the jar, hand it to {@link PluginTestHost}, call the service as the portal would.
 */
class HelloPluginIT {

    @TempDir
    Path work;
    private PluginTestHost host;
    private final Path bundle = Path.of(System.getProperty("bundle.jar", "target/example-hello.jar"));

    @BeforeEach
    void startHost() throws Exception {
        host = PluginTestHost.start(work);
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void installedBundleContributesItsActionToThePortal() {
        PluginInfo info = host.install(bundle).orElseThrow();

        assertThat(info.state()).isEqualTo("ACTIVE");
        assertThat(info.symbolicName()).isEqualTo("dev.backlot.example-hello");
        assertThat(info.services()).containsExactly(ScaffolderAction.class.getName());
        assertThat(run("example:hello", Map.of("name", "Ada")))
                .isEqualTo("Hello, Ada! (example-hello " + info.version() + ")");
    }

    @Test
    void updatedBundleServesNewBehaviourWithoutRestart() throws IOException {
        // given
        host.install(bundle);
        Path second = withVersion(bundle, "9.9.9", work.resolve("example-hello-9.9.9.jar"));

        // when
        PluginInfo updated = host.update(bundle, second).orElseThrow();

        // then: same bundle (same id), new revision, new behaviour
        assertThat(updated.version()).isEqualTo("9.9.9");
        assertThat(updated.state()).isEqualTo("ACTIVE");
        assertThat(run("example:hello", Map.of())).isEqualTo("Hello, world! (example-hello 9.9.9)");
        assertThat(host.plugins()).filteredOn(p -> "dev.backlot.example-hello".equals(p.symbolicName())).hasSize(1);
    }

    @Test
    void uninstalledBundleLeavesHostWorkingWithoutTheAction() {
        host.install(bundle);

        host.uninstall(bundle);

        assertThat(host.extensions().services(ScaffolderAction.class)).isEmpty();
        assertThat(host.plugins()).noneMatch(p -> "dev.backlot.example-hello".equals(p.symbolicName()));
        // The host itself carries on: the same jar installs again.
        assertThat(host.install(bundle).orElseThrow().state()).isEqualTo("ACTIVE");
    }

    @Test
    void bundleWithUnresolvableImportIsReportedWithTheMissingPackage() throws IOException {
        Path broken = work.resolve("broken.jar");
        Manifest manifest = manifest("dev.backlot.test.broken", "1.0.0");
        manifest.getMainAttributes().putValue("Import-Package", "com.example.missing;version=\"[1.0,2)\"");
        try (OutputStream out = Files.newOutputStream(broken); var jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        PluginInfo info = host.install(broken).orElseThrow();

        assertThat(info.state()).isEqualTo("INSTALLED");
        assertThat(info.problem()).contains("missing package com.example.missing [1.0.0,2.0.0)");
        // Nothing else is disturbed.
        assertThat(host.install(bundle).orElseThrow().state()).isEqualTo("ACTIVE");
    }

    private String run(String actionId, Map<String, Object> input) {
        ScaffolderAction action = host.extensions().services(ScaffolderAction.class).stream()
                .filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
        Map<String, Object> outputs = new HashMap<>();
        List<String> log = new ArrayList<>();
        try {
            action.execute(new ActionContext() {
                public Map<String, Object> input() {
                    return input;
                }

                public void log(String line) {
                    log.add(line);
                }

                public void output(String name, Object value) {
                    outputs.put(name, value);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(log).isNotEmpty();
        return (String) outputs.get("greeting");
    }

    /** A copy of {@code jar} whose Bundle-Version is {@code version}: a second release of the plugin. */
    private static Path withVersion(Path jar, String version, Path target) throws IOException {
        try (var in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (var out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    out.write(bytes.toByteArray());
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }
}
