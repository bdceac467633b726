package dev.backlot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {

    @TempDir
    Path root;

    @Test
    void findsCatalogFilesBelowTheRootsButNotInHiddenOrBuildFolders() throws Exception {
        Path a = touch("team-a/service/catalog-info.yaml");
        Path b = touch("team-b/catalog-info.yaml");
        touch(".git/catalog-info.yaml");
        touch("team-a/service/node_modules/lib/catalog-info.yaml");
        touch("team-b/other.yaml");

        assertThat(Discovery.find(List.of(root, root.resolve("missing")))).containsExactly(a.toString(), b.toString());
    }

    @Test
    void eachFileBecomesALocationEntityWithAStableName() {
        Entity first = Discovery.locationEntity("/srv/repos/a/catalog-info.yaml");
        Entity again = Discovery.locationEntity("/srv/repos/a/catalog-info.yaml");

        assertThat(first.kind()).isEqualTo("Location");
        assertThat(first.spec()).isEqualTo(Map.of("type", "file", "target", "/srv/repos/a/catalog-info.yaml"));
        assertThat(first.name()).startsWith("discovered-").isEqualTo(again.name());
        assertThat(Discovery.locationEntity("/srv/repos/b/catalog-info.yaml").name()).isNotEqualTo(first.name());
    }

    @Test
    void rootsComeFromTheEnvironmentOrTheDataFolder() {
        assertThat(Settings.roots(Map.of("PORTAL_DISCOVERY_ROOTS", "/a, /b")::get, k -> null))
                .containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(Settings.roots(k -> null, Map.of("portal.data", "/var/backlot")::get))
                .containsExactly(Path.of("/var/backlot/discovery"));
        assertThat(Settings.intervalSeconds(Map.of("PORTAL_DISCOVERY_INTERVAL_SECONDS", "3")::get)).isEqualTo(3);
        assertThat(Settings.intervalSeconds(k -> "soon")).isEqualTo(10);
    }

    private Path touch(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "kind: Component\n");
    }
}
