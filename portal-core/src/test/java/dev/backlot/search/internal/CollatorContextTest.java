package dev.backlot.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.catalog.CatalogService;
import dev.backlot.common.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collators read files and URLs under the catalog's rules: roots, the data folder, the host allow-list. */
class CollatorContextTest {

    @TempDir
    Path dir;

    DefaultCollatorContext context(Path root) {
        return new DefaultCollatorContext(Unavailable.of(CatalogService.class, "catalog", "not needed"), dir.resolve("data"),
                List.of(root), List.of("wiki.example.com", "*.corp.example", "qna.example.com:8443"),
                name -> Optional.ofNullable(Map.of("portal.search.x", "1", "portal.db.password", "secret").get(name)));
    }

    @Test
    void filesInsideTheRootsAreReadAndOthersRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("wiki"));
        Files.writeString(root.resolve("a.md"), "# A");
        Files.writeString(dir.resolve("secret.txt"), "no");
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
        var c = context(root);
        assertThat(c.read(root.resolve("a.md").toString())).isEqualTo("# A".getBytes());
        assertThat(c.read("file:" + root.resolve("a.md"))).isEqualTo("# A".getBytes());
        assertThatThrownBy(() -> c.read(root.resolve("../secret.txt").toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("outside the allowed file roots");
        assertThatThrownBy(() -> c.read(root.resolve("link.txt").toString())).isInstanceOf(IOException.class);
        assertThat(c.list(root.toString())).containsExactly(root.resolve("a.md").toRealPath().toString());
    }

    @Test
    void theDataFolderIsNeverReadEvenWhenItIsARoot() throws Exception {
        Path db = Files.createDirectories(dir.resolve("data/db"));
        Files.writeString(db.resolve("portal.mv.db"), "x");
        var c = context(dir.resolve("data"));
        assertThatThrownBy(() -> c.read(db.resolve("portal.mv.db").toString())).hasMessageContaining("data folder");
    }

    @Test
    void urlsOnlyToAllowedHostsAndSettingsOnlyUnderSearch() {
        var c = context(dir);
        assertThat(c.allows(URI.create("https://wiki.example.com/x"))).isTrue();
        assertThat(c.allows(URI.create("https://a.corp.example/x"))).isTrue();
        assertThat(c.allows(URI.create("https://qna.example.com:8443/x"))).isTrue();
        assertThat(c.allows(URI.create("https://qna.example.com/x"))).isFalse();
        assertThat(c.allows(URI.create("https://user@wiki.example.com/x"))).isFalse();
        assertThat(c.allows(URI.create("http://169.254.169.254/latest"))).isFalse();
        assertThatThrownBy(() -> c.read("http://localhost:1/x")).hasMessageContaining("allow-list");
        assertThat(c.setting("portal.search.x")).contains("1");
        assertThat(c.setting("portal.db.password")).isEmpty();
    }
}
