package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.PluginInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop-in folder, driven scan by scan against a real Felix. */
class DropInFolderTest {

    @TempDir
    Path dir;
    private FelixPluginHost host;
    private DropInFolder folder;
    private final List<AuditEntry> audit = new ArrayList<>();
    private Path plugins;

    @BeforeEach
    void start() throws Exception {
        host = new FelixPluginHost(dir.resolve("cache"), HostExports.exportPackage());
        host.start(List.of());
        plugins = Files.createDirectories(dir.resolve("plugins"));
        folder = new DropInFolder(plugins, host, new AuditLog() {
            public void record(AuditEntry entry) {
                audit.add(entry);
            }

            public List<AuditEntry> recent(int limit) {
                return audit;
            }
        });
    }

    @AfterEach
    void stop() {
        folder.close();
        host.close();
    }

    @Test
    void copiedJarIsInstalledUpdatedAndUninstalled() throws Exception {
        // copied in
        drop("demo.jar", TestBundles.action("test.demo", "1.0.0", "demo:run", 0));
        folder.scan();
        PluginInfo first = host.plugin("test.demo").orElseThrow();
        assertThat(first.state()).isEqualTo("ACTIVE");

        // overwritten: same bundle, new version
        drop("demo.jar", TestBundles.action("test.demo", "2.0.0", "demo:run", 0));
        folder.scan();
        PluginInfo second = host.plugin("test.demo").orElseThrow();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo("2.0.0");
        assertThat(second.state()).isEqualTo("ACTIVE");

        // deleted
        Files.delete(plugins.resolve("demo.jar"));
        folder.scan();
        assertThat(host.plugin("test.demo")).isEmpty();
        assertThat(audit).extracting(AuditEntry::action)
                .containsExactly("plugin.install", "plugin.update", "plugin.uninstall");
    }

    @Test
    void fileStillBeingWrittenIsLeftForTheNextScan() throws Exception {
        Path jar = plugins.resolve("fresh.jar");
        Files.write(jar, TestBundles.action("test.fresh", "1.0.0", "demo:run", 0));

        folder.scan();

        assertThat(host.plugin("test.fresh")).isEmpty();
    }

    @Test
    void brokenJarIsReportedAndTheOthersStillInstall() throws Exception {
        drop("broken.jar", "not a jar at all".getBytes());
        drop("unresolvable.jar", TestBundles.plain("test.unresolvable", "1.0.0",
                Map.of("Import-Package", "com.example.nowhere;version=\"[3,4)\"")));
        drop("good.jar", TestBundles.action("test.good", "1.0.0", "demo:run", 0));

        folder.scan();

        assertThat(host.plugin("test.good").orElseThrow().state()).isEqualTo("ACTIVE");
        assertThat(host.plugin("test.unresolvable").orElseThrow().problem())
                .contains("missing package com.example.nowhere [3.0.0,4.0.0)");
        assertThat(host.plugins()).filteredOn(p -> p.location().endsWith("broken.jar")).singleElement()
                .extracting(PluginInfo::state).isEqualTo("FAILED");
        assertThat(audit).filteredOn(e -> AuditEntry.FAILURE.equals(e.outcome())).hasSize(2);
    }

    @Test
    void aSymbolicNameInstalledElsewhereIsRefusedSoThatItNeverServesTwice() throws Exception {
        host.install("backlot:test.twice#1", TestBundles.action("test.twice", "1.0.0", "demo:run", 0), true);
        drop("twice.jar", TestBundles.action("test.twice", "2.0.0", "demo:run", 0));

        folder.scan();

        assertThat(host.extensions(dev.backlot.spi.scaffolder.ScaffolderAction.class)).hasSize(1);
        assertThat(host.plugins()).filteredOn(p -> p.location().endsWith("twice.jar")).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo("FAILED"))
                .satisfies(p -> assertThat(p.problem()).contains("already installed from backlot:test.twice#1"));
        assertThat(audit).extracting(AuditEntry::outcome).containsExactly(AuditEntry.REFUSED);
    }

    @Test
    void otherFilesAreIgnored() throws Exception {
        drop("README.txt", "notes".getBytes());

        folder.scan();

        assertThat(host.plugins()).isEmpty();
    }

    /** Writes a file and dates it in the past, as a finished copy would be. */
    private void drop(String name, byte[] content) throws Exception {
        Path file = plugins.resolve(name);
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 5_000 + audit.size()));
    }
}
