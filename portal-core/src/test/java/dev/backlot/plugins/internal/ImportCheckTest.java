package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.plugins.PluginRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** Whether a jar's imports are satisfied, decided before the framework sees it, with the exact reason. */
class ImportCheckTest {

    private static final List<ImportCheck.PackageExport> PORTAL = List.of(
            new ImportCheck.PackageExport("dev.backlot.spi.ui", new Version(0, 1, 0), null),
            new ImportCheck.PackageExport("org.osgi.framework", new Version(1, 10, 0), null));

    @Test
    void anImportOutsideTheExportedVersionNamesPackageRangeAndWhatThePortalHas() {
        CheckedJar jar = jar(Map.of("Import-Package", "dev.backlot.spi.ui;version=\"[0.2,1)\""));

        assertThatThrownBy(() -> ImportCheck.check(jar, PORTAL)).isInstanceOf(PluginRefusedException.class)
                .hasMessage("com.example.p 1.0.0 would not resolve: package dev.backlot.spi.ui [0.2.0,1.0.0)"
                        + " is not exported by the portal (it exports 0.1.0)");
    }

    @Test
    void anImportNobodyExportsIsNamed() {
        CheckedJar jar = jar(Map.of("Import-Package", "com.example.missing;version=\"[1.0,2)\",org.osgi.framework"));

        assertThatThrownBy(() -> ImportCheck.check(jar, PORTAL)).hasMessageContaining(
                "package com.example.missing [1.0.0,2.0.0) is not exported by the portal or by any installed plugin")
                .hasMessageNotContaining("org.osgi.framework");
    }

    @Test
    void anImportAnotherPluginExportsInAnotherVersionSaysWhoExportsWhat() {
        List<ImportCheck.PackageExport> available = List.of(
                new ImportCheck.PackageExport("com.example.lib", new Version(1, 0, 0), "com.example.lib-bundle"));
        CheckedJar jar = jar(Map.of("Import-Package", "com.example.lib;version=\"[2,3)\""));

        assertThatThrownBy(() -> ImportCheck.check(jar, available))
                .hasMessageContaining("(exported: 1.0.0 by com.example.lib-bundle)");
    }

    @Test
    void optionalImportsAreNotChecked() {
        CheckedJar jar = jar(Map.of("Import-Package", "com.example.maybe;resolution:=optional"));

        assertThatCode(() -> ImportCheck.check(jar, PORTAL)).doesNotThrowAnyException();
    }

    @Test
    void aPackageTheBundleExportsItselfSatisfiesItsImport() {
        CheckedJar jar = jar(Map.of("Export-Package", "com.example.api;version=\"2.0.0\"",
                "Import-Package", "com.example.api;version=\"[2.0,3)\",dev.backlot.spi.ui;version=\"[0.1,1)\""));

        assertThatCode(() -> ImportCheck.check(jar, PORTAL)).doesNotThrowAnyException();
    }

    @Test
    void aPackageAnInstalledPluginExportsSatisfiesTheImport() {
        List<ImportCheck.PackageExport> available = List.of(
                new ImportCheck.PackageExport("com.example.lib", new Version(2, 5, 0), "com.example.lib-bundle"));

        assertThatCode(() -> ImportCheck.check(jar(Map.of("Import-Package", "com.example.lib;version=\"[2,3)\"")),
                available)).doesNotThrowAnyException();
    }

    private static CheckedJar jar(Map<String, String> headers) {
        return new PluginChecks(1 << 20, Set.of()).check(TestBundles.plain("com.example.p", "1.0.0", headers));
    }
}
