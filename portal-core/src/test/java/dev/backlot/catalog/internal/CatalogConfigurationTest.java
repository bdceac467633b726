package dev.backlot.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.config.PortalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogConfigurationTest {

    @TempDir
    Path data;

    private CatalogSettings settings(Map<String, String> values) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("portal.data", data.toString());
        return CatalogConfiguration.settings(PortalConfig.from(name -> Optional.ofNullable(all.get(name))));
    }

    @Test
    void sampleCatalogIsCopiedIntoTheDataFolderAndRegistered() throws Exception {
        CatalogSettings settings = settings(Map.of());

        Path sample = data.resolve("sample-catalog/catalog-info.yaml");
        assertThat(Files.exists(sample)).isTrue();
        assertThat(settings.configuredLocations()).containsExactly("file:" + sample);
        assertThat(settings.readPolicy().fileRoots()).contains(data.resolve("sample-catalog").toAbsolutePath().normalize(),
                data.resolve("discovery").toAbsolutePath().normalize())
                .doesNotContain(data.toAbsolutePath().normalize());
        assertThat(settings.readPolicy().stateFolder()).isEqualTo(data.toAbsolutePath().normalize());
    }

    @Test
    void configuredFileLocationsAreTrustedRootsAndUrlHostsComeFromTheAllowList() throws Exception {
        Path repos = Files.createDirectories(data.resolve("../repos").normalize());

        CatalogSettings settings = settings(Map.of("portal.sample.catalog", "false",
                "portal.catalog.locations", "file:" + repos + ", url:https://git.example.com/a/catalog-info.yaml",
                "portal.url.allow", "git.example.com", "portal.catalog.orphan.strategy", "keep",
                "portal.catalog.orphan.grace.seconds", "300"));

        assertThat(settings.configuredLocations()).containsExactly("file:" + repos,
                "url:https://git.example.com/a/catalog-info.yaml");
        assertThat(settings.readPolicy().fileRoots()).contains(repos);
        assertThat(settings.readPolicy().urlAllow()).containsExactly("git.example.com");
        assertThat(settings.orphanStrategy()).isEqualTo("keep");
        assertThat(settings.orphanGraceSeconds()).isEqualTo(300);
        assertThat(Files.exists(data.resolve("sample-catalog"))).isFalse();
    }
}
