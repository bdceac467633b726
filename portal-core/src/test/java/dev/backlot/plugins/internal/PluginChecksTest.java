package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The checks a plugin jar passes before anything changes: one refusal per test. */
class PluginChecksTest {

    private final PluginChecks checks = new PluginChecks(64 * 1024, Set.of("dev.backlot.model", "jakarta.json"));

    @Test
    void acceptsAnOrdinaryBundleAndReadsWhatItPromises() {
        CheckedJar jar = checks.check(TestBundles.plain("com.example.good", "1.2.3", Map.of(
                "Import-Package", "dev.backlot.spi.ui;version=\"[0.1,1)\",org.osgi.framework;version=\"[1.10,2)\"",
                "Provide-Capability", "osgi.service;objectClass:List<String>=\"dev.backlot.spi.ui.UiContribution,"
                        + "java.lang.Runnable\";uses:=\"dev.backlot.spi.ui\"")));

        assertThat(jar.symbolicName()).isEqualTo("com.example.good");
        assertThat(jar.version()).hasToString("1.2.3");
        assertThat(jar.sha256()).hasSize(64);
        assertThat(jar.imports()).hasSize(2);
        assertThat(jar.promisedServices()).containsExactly("dev.backlot.spi.ui.UiContribution");
    }

    @Test
    void refusesAJarOverTheSizeLimit() {
        byte[] huge = new byte[64 * 1024 + 1];

        refused(huge, Reason.TOO_LARGE).hasMessageContaining("65537 bytes").hasMessageContaining("65536");
    }

    @Test
    void refusesAnEmptyUpload() {
        refused(new byte[0], Reason.INVALID).hasMessageContaining("empty");
    }

    @Test
    void refusesBytesThatAreNotAZip() {
        refused("just some text, not a jar".getBytes(), Reason.INVALID).hasMessageContaining("not a jar");
    }

    @Test
    void refusesATruncatedJar() {
        byte[] jar = TestBundles.action("com.example.cut", "1.0.0", "demo:cut", 0);

        refused(Arrays.copyOf(jar, jar.length / 2), Reason.INVALID).hasMessageContaining("not a readable jar");
    }

    @Test
    void refusesAJarCutShortAtTheEnd() {
        byte[] jar = TestBundles.action("com.example.cut", "1.0.0", "demo:cut", 0);

        refused(Arrays.copyOf(jar, jar.length - 30), Reason.INVALID).hasMessageContaining("zip directory is missing or cut short");
    }

    @Test
    void refusesAnEntryThatClimbsOutOfTheJar() {
        refused(withEntry("lib/../../evil.sh"), Reason.INVALID).hasMessageContaining("'lib/../../evil.sh'")
                .hasMessageContaining("'..'");
    }

    @Test
    void refusesAnAbsoluteEntryName() {
        refused(withEntry("/etc/cron.d/evil"), Reason.INVALID).hasMessageContaining("'/etc/cron.d/evil'")
                .hasMessageContaining("absolute");
    }

    @Test
    void refusesAnEntryNameWithABackslash() {
        refused(withEntry("..\\evil.dll"), Reason.INVALID).hasMessageContaining("backslash");
    }

    @Test
    void refusesAnEntryNameWithADriveLetter() {
        refused(withEntry("C:evil.dll"), Reason.INVALID).hasMessageContaining("drive letter");
    }

    @Test
    void refusesAJarWithoutManifest() {
        refused(TestBundles.zip(Map.of("readme.txt", "hello".getBytes())), Reason.INVALID)
                .hasMessageContaining("no META-INF/MANIFEST.MF");
    }

    @Test
    void refusesAManifestWithoutSymbolicName() {
        byte[] jar = TestBundles.zip(Map.of("META-INF/MANIFEST.MF",
                TestBundles.manifest(Map.of("Bundle-ManifestVersion", "2", "Bundle-Version", "1.0.0"))));

        refused(jar, Reason.INVALID).hasMessageContaining("no Bundle-SymbolicName");
    }

    @Test
    void refusesAnOldStyleManifest() {
        byte[] jar = TestBundles.zip(Map.of("META-INF/MANIFEST.MF",
                TestBundles.manifest(Map.of("Bundle-SymbolicName", "com.example.old"))));

        refused(jar, Reason.INVALID).hasMessageContaining("Bundle-ManifestVersion must be 2").hasMessageContaining("missing");
    }

    @Test
    void refusesAnUnparsableHeader() {
        refused(TestBundles.plain("com.example.quote", "1.0.0", Map.of("Import-Package", "com.example.a;version=\"[1,2)")),
                Reason.INVALID).hasMessageContaining("Import-Package cannot be parsed").hasMessageContaining("unbalanced quote");
    }

    @Test
    void refusesAnImportWithAnInvalidVersionRange() {
        refused(TestBundles.plain("com.example.range", "1.0.0", Map.of("Import-Package", "com.example.a;version=\"[2,1)x\"")),
                Reason.INVALID).hasMessageContaining("not a version range").hasMessageContaining("com.example.a");
    }

    @Test
    void refusesAnInvalidBundleVersion() {
        refused(TestBundles.plain("com.example.version", "one.two", Map.of()), Reason.INVALID)
                .hasMessageContaining("Bundle-Version 'one.two'");
    }

    @Test
    void refusesABundleThatExportsAPortalPackage() {
        refused(TestBundles.plain("com.example.shadow", "1.0.0", Map.of("Export-Package", "dev.backlot.catalog.internal")),
                Reason.INVALID).hasMessageContaining("dev.backlot.catalog.internal").hasMessageContaining("shadow the host");
    }

    @Test
    void refusesABundleThatExportsAPackageTheHostExports() {
        refused(TestBundles.plain("com.example.json", "1.0.0",
                Map.of("Export-Package", "com.example.own;version=1.0,jakarta.json;version=\"2.1.0\"")), Reason.INVALID)
                .hasMessageContaining("jakarta.json").hasMessageContaining("shadow the host");
    }

    @Test
    void refusesAFragmentOfTheSystemBundle() {
        refused(TestBundles.plain("com.example.extension", "1.0.0",
                Map.of("Fragment-Host", "system.bundle;extension:=framework")), Reason.INVALID)
                .hasMessageContaining("framework extension");
    }

    private static byte[] withEntry(String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", TestBundles.manifest(Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "com.example.evil")));
        entries.put(name, "x".getBytes());
        return TestBundles.zip(entries);
    }

    private AbstractThrowableAssert<?, ?> refused(byte[] jar, Reason reason) {
        return assertThatThrownBy(() -> checks.check(jar)).isInstanceOfSatisfying(PluginRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
