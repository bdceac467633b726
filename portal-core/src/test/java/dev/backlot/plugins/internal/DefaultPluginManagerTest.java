package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.audit.AuditEntry;
import dev.backlot.plugins.PluginDetail;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin manager in a real Felix on a real H2 database: each action as the registry sees it. */
class DefaultPluginManagerTest {

    static final String NAME = "com.example.demo";

    @TempDir
    Path dir;
    private PlatformNode node;
    private DefaultPluginManager manager;

    @BeforeEach
    void start() throws Exception {
        node = PlatformNode.start(dir, PlatformNode.h2(dir), null, List.of());
        manager = node.manager();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static byte[] demo(String version) {
        return TestBundles.action(NAME, version, "demo:run", 0);
    }

    @Test
    void installedPluginServesThroughTheRegistry() {
        PluginInfo info = manager.install(demo("1.0.0"), "alice");

        assertThat(node.versionServing(NAME)).isEqualTo("1.0.0");
        assertThat(info.state()).isEqualTo("ACTIVE");
        assertThat(info.location()).isEqualTo("backlot:" + NAME + "#1");
        assertThat(info.source()).isEqualTo("upload");
        assertThat(info.changedBy()).isEqualTo("alice");
        assertThat(info.contributions()).containsExactly("ScaffolderAction");
        assertThat(info.rollbackVersion()).isNull();
    }

    @Test
    void updateServesTheNewVersionAndRemovesTheOldBundle() {
        long first = manager.install(demo("1.0.0"), "alice").id();

        PluginInfo updated = manager.update(NAME, demo("2.0.0"), "bob");

        assertThat(node.versionServing(NAME)).isEqualTo("2.0.0");
        assertThat(updated.id()).isNotEqualTo(first);
        assertThat(updated.rollbackVersion()).isEqualTo("1.0.0");
        assertThat(node.host.bundle(first)).isEmpty();
        assertThat(manager.plugins()).filteredOn(p -> NAME.equals(p.symbolicName())).singleElement()
                .extracting(PluginInfo::version).isEqualTo("2.0.0");
    }

    @Test
    void updateWithTheSameVersionButOtherContentIsAccepted() {
        manager.install(demo("1.0.0"), "alice");

        manager.update(NAME, TestBundles.action(NAME, "1.0.0", "demo:other", 0), "alice");

        assertThat(node.actionsOf(NAME)).singleElement().extracting(e -> e.service().id()).isEqualTo("demo:other");
    }

    @Test
    void rollbackGoesBackOneVersionAtATimeAndAnUpdateAfterItAppends() {
        manager.install(demo("1.0.0"), "alice");
        manager.update(NAME, demo("2.0.0"), "alice");
        manager.update(NAME, demo("3.0.0"), "alice");

        assertThat(manager.rollback(NAME, "bob").version()).isEqualTo("2.0.0");
        assertThat(node.versionServing(NAME)).isEqualTo("2.0.0");
        assertThat(manager.rollback(NAME, "bob").version()).isEqualTo("1.0.0");
        assertThat(node.versionServing(NAME)).isEqualTo("1.0.0");
        assertThat(manager.plugin(NAME).orElseThrow().rollbackVersion()).isNull();
        refused(() -> manager.rollback(NAME, "bob"), Reason.CONFLICT, "No version of " + NAME + " older than");

        manager.update(NAME, demo("4.0.0"), "carol");
        assertThat(manager.plugin(NAME).orElseThrow().rollbackVersion()).isEqualTo("3.0.0");
        assertThat(manager.rollback(NAME, "carol").version()).isEqualTo("3.0.0");
        assertThat(node.versionServing(NAME)).isEqualTo("3.0.0");
    }

    @Test
    void onlyTheConfiguredNumberOfVersionsIsKept() {
        manager.install(demo("1.0.0"), "alice");
        for (String v : List.of("2.0.0", "3.0.0", "4.0.0")) {
            manager.update(NAME, demo(v), "alice");
        }

        PluginDetail detail = manager.detail(NAME).orElseThrow();

        assertThat(detail.versions()).extracting(PluginDetail.KeptVersion::version).containsExactly("4.0.0", "3.0.0", "2.0.0");
        assertThat(detail.versions()).extracting(PluginDetail.KeptVersion::current).containsExactly(true, false, false);
    }

    @Test
    void stopTakesTheServicesAwayAndStartBringsThemBack() {
        manager.install(demo("1.0.0"), "alice");

        PluginInfo stopped = manager.stop(NAME, "bob");
        assertThat(node.versionServing(NAME)).isNull();
        assertThat(stopped.state()).isEqualTo("RESOLVED");
        assertThat(stopped.problem()).isNull();

        PluginInfo started = manager.start(NAME, "bob");
        assertThat(node.versionServing(NAME)).isEqualTo("1.0.0");
        assertThat(started.state()).isEqualTo("ACTIVE");
    }

    @Test
    void updateOfAStoppedPluginKeepsItStopped() {
        manager.install(demo("1.0.0"), "alice");
        manager.stop(NAME, "alice");

        manager.update(NAME, demo("2.0.0"), "alice");
        assertThat(node.versionServing(NAME)).isNull();

        manager.start(NAME, "alice");
        assertThat(node.versionServing(NAME)).isEqualTo("2.0.0");
    }

    @Test
    void uninstallRemovesThePluginAndItCanBeInstalledAgain() {
        manager.install(demo("1.0.0"), "alice");

        manager.uninstall(NAME, "bob");

        assertThat(node.versionServing(NAME)).isNull();
        assertThat(manager.plugin(NAME)).isEmpty();
        assertThat(node.host.bundles()).noneMatch(b -> NAME.equals(b.getSymbolicName()));

        PluginInfo again = manager.install(demo("5.0.0"), "carol");
        assertThat(again.location()).isEqualTo("backlot:" + NAME + "#2");
        assertThat(node.versionServing(NAME)).isEqualTo("5.0.0");
        assertThat(again.rollbackVersion()).isNull();
    }

    @Test
    void everyActionIsAuditedWithActorOutcomeAndVersion() {
        manager.install(demo("1.0.0"), "alice");
        manager.update(NAME, demo("2.0.0"), "bob");
        manager.rollback(NAME, "carol");
        manager.stop(NAME, "dave");
        manager.start(NAME, "erin");
        assertThatThrownBy(() -> manager.install(demo("1.0.0"), "frank")).isInstanceOf(PluginRefusedException.class);
        manager.uninstall(NAME, "grace");

        List<AuditEntry> entries = new java.util.ArrayList<>(node.audit().stream().filter(e -> NAME.equals(e.target())).toList());
        java.util.Collections.reverse(entries);
        assertThat(entries).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome()).containsExactly(
                "alice plugin.install success", "bob plugin.update success", "carol plugin.rollback success",
                "dave plugin.stop success", "erin plugin.start success", "frank plugin.install refused",
                "grace plugin.uninstall success");
        assertThat(entries.get(1).detail()).isEqualTo("version 1.0.0 -> 2.0.0");
        assertThat(entries.get(5).detail()).contains("CONFLICT").contains("already installed at version 1.0.0");
    }

    @Test
    void uiContributionsAreListedWithSlotAndIdReadOncePerService() {
        manager.install(TestBundles.ui("com.example.ui", "1.0.0", "entity.tab:docs,home.card:welcome"), "alice");

        PluginInfo info = manager.plugin("com.example.ui").orElseThrow();
        manager.plugins();

        assertThat(info.contributions()).containsExactlyInAnyOrder("UiContribution entity.tab docs",
                "UiContribution home.card welcome");
        assertThat(manager.plugin("com.example.ui").orElseThrow().health().calls()).isEqualTo(2);
    }

    @Test
    void detailSplitsImportsAtClausesNotAtQuotedCommas() {
        manager.install(TestBundles.action(NAME, "1.0.0", "demo:run", 0), "alice");

        PluginDetail detail = manager.detail(NAME).orElseThrow();

        assertThat(detail.headers()).containsEntry("Bundle-SymbolicName", NAME).containsKey("Import-Package");
        assertThat(detail.imports()).containsExactly("org.osgi.framework", "dev.backlot.spi.scaffolder");
        assertThat(detail.plugin().services()).containsExactly(ScaffolderAction.class.getName());
        assertThat(detail.recentErrors()).isEmpty();
    }

    // Refusals: each names what is wrong and changes nothing.

    @Test
    void corruptJarIsRefusedAndNothingChanges() {
        byte[] jar = demo("2.0.0");
        unchangedAfterRefusal(() -> manager.update(NAME, java.util.Arrays.copyOf(jar, jar.length - 40), "bob"),
                Reason.INVALID, "not a readable jar");
    }

    @Test
    void nonJarIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.install("<html>not a jar</html>".getBytes(), "bob"), Reason.INVALID,
                "not a jar");
    }

    @Test
    void hugeJarIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.update(NAME, new byte[(int) PlatformNode.SETTINGS.maxUploadBytes() + 1], "bob"),
                Reason.TOO_LARGE, "more than the limit");
    }

    @Test
    void traversalEntryIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.zip(Map.of("META-INF/MANIFEST.MF",
                TestBundles.manifest(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", NAME)),
                "../../outside.txt", new byte[1])), "bob"), Reason.INVALID, "'../../outside.txt'");
    }

    @Test
    void bundleExportingADevBacklotPackageIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.install(TestBundles.plain("com.example.sneaky", "1.0.0",
                Map.of("Export-Package", "dev.backlot.x")), "bob"), Reason.INVALID, "dev.backlot.x");
    }

    @Test
    void bundleShadowingAnExportedHostPackageIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.install(TestBundles.plain("com.example.sneaky", "1.0.0",
                Map.of("Export-Package", "dev.backlot.spi.scaffolder;version=\"9.0.0\"")), "bob"), Reason.INVALID,
                "would shadow the host");
    }

    @Test
    void unresolvableImportIsRefusedWithTheExactPackageAndRange() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.plain(NAME, "2.0.0",
                Map.of("Import-Package", "dev.backlot.spi.ui;version=\"[9.0,10)\"")), "bob"), Reason.CONFLICT,
                "package dev.backlot.spi.ui [9.0.0,10.0.0) is not exported by the portal (it exports 1.");
    }

    @Test
    void secondInstallOfTheSameNameIsRefusedAndNothingChanges() {
        unchangedAfterRefusal(() -> manager.install(demo("2.0.0"), "bob"), Reason.CONFLICT,
                NAME + " is already installed at version 1.0.0; update it with PUT /api/admin/plugins/" + NAME);
    }

    @Test
    void updateWithTheRunningBytesIsRefusedAndNothingChanges() {
        byte[] running = demo("1.0.0");
        manager.install(running, "alice");

        unchangedAfterRefusal(() -> manager.update(NAME, running, "bob"), Reason.CONFLICT, "already running");
    }

    @Test
    void updateWithAnotherSymbolicNameIsRefused() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.action("com.example.other", "1.0.0", "x", 0), "bob"),
                Reason.CONFLICT, "Bundle-SymbolicName is com.example.other, not " + NAME);
    }

    @Test
    void unknownNameIsNotFoundForEveryAction() {
        for (Runnable action : List.<Runnable>of(() -> manager.update("com.example.nope", demo("1.0.0"), "bob"),
                () -> manager.start("com.example.nope", "bob"), () -> manager.stop("com.example.nope", "bob"),
                () -> manager.rollback("com.example.nope", "bob"), () -> manager.uninstall("com.example.nope", "bob"))) {
            unchangedAfterRefusal(action, Reason.NOT_FOUND, "No plugin com.example.nope is installed");
        }
    }

    @Test
    void bundleWhoseActivatorFailsIsRefusedAndTheRunningVersionStays() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.failingActivator(NAME, "no database for me"), "bob"),
                Reason.CONFLICT, "no database for me");
    }

    @Test
    void bundleTheFrameworkCannotResolveIsRefusedWithItsReason() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.action(NAME, "2.0.0", "demo:run", 0, Map.of(
                "Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=99))\"")), "bob"),
                Reason.CONFLICT, "did not start");
    }

    @Test
    void bundleThatNeverRegistersTheServiceItPromisesIsRefusedAndTheRunningVersionStays() {
        unchangedAfterRefusal(() -> manager.update(NAME, TestBundles.plain(NAME, "2.0.0", Map.of("Provide-Capability",
                "osgi.service;objectClass:List<String>=\"dev.backlot.spi.scaffolder.ScaffolderAction\"")), "bob"),
                Reason.CONFLICT, "did not register dev.backlot.spi.scaffolder.ScaffolderAction");
    }

    /**
     * Runs {@code action} with version 1.0.0 of the demo plugin installed (unless it already is) and
     * asserts that it is refused with {@code reason} and {@code message}, audited as refused, and that
     * the database, the framework and what the registry serves are exactly as before.
     */
    private void unchangedAfterRefusal(Runnable action, Reason reason, String message) {
        if (manager.plugin(NAME).isEmpty()) {
            manager.install(demo("1.0.0"), "alice");
        }
        var desiredBefore = node.store().all();
        var versionsBefore = node.store().allVersions();
        var bundlesBefore = node.host.bundles().stream().map(b -> b.getBundleId() + b.getLocation()).toList();
        int auditBefore = node.audit().size();

        refused(action, reason, message);

        assertThat(node.store().all()).isEqualTo(desiredBefore);
        assertThat(node.store().allVersions()).isEqualTo(versionsBefore);
        assertThat(node.host.bundles().stream().map(b -> b.getBundleId() + b.getLocation()).toList()).isEqualTo(bundlesBefore);
        assertThat(node.versionServing(NAME)).isEqualTo("1.0.0");
        assertThat(node.audit()).hasSize(auditBefore + 1).first()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.REFUSED))
                .satisfies(e -> assertThat(e.detail()).contains(message));
    }

    private static void refused(Runnable action, Reason reason, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(PluginRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining(message);
    }
}
