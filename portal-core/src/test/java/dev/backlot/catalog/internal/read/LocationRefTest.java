package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationRefTest {

    @Test
    void parsesTypeAndTargetAndPrintsThemBack() {
        LocationRef ref = LocationRef.parse("url:https://example.com/a/catalog-info.yaml");

        assertThat(ref).isEqualTo(new LocationRef("url", "https://example.com/a/catalog-info.yaml"));
        assertThat(ref.toString()).isEqualTo("url:https://example.com/a/catalog-info.yaml");
        assertThat(LocationRef.parse("file:/srv/c.yaml").target()).isEqualTo("/srv/c.yaml");
    }

    @Test
    void unknownTypeMissingColonOrEmptyTargetIsRefusedWithTheText() {
        assertThatThrownBy(() -> LocationRef.parse("github:o/r")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'github:o/r'").hasMessageContaining("only file and url");
        assertThatThrownBy(() -> LocationRef.parse("catalog.yaml")).hasMessageContaining("type:target");
        assertThatThrownBy(() -> LocationRef.parse("file:")).hasMessageContaining("empty target");
    }

    @Test
    void relativeTargetsResolveAgainstTheFileDirectoryOrTheUrl() {
        assertThat(new LocationRef("file", "/srv/a/all.yaml").resolve("file", "../b/c.yaml"))
                .isEqualTo(new LocationRef("file", "/srv/b/c.yaml"));
        assertThat(new LocationRef("url", "https://h/r/all.yaml").resolve("url", "./x/c.yaml"))
                .isEqualTo(new LocationRef("url", "https://h/r/x/c.yaml"));
        assertThat(new LocationRef("file", "/srv/all.yaml").resolve("url", "https://h/c.yaml"))
                .isEqualTo(new LocationRef("url", "https://h/c.yaml"));
    }

    @Test
    void fileTargetInAUrlDocumentIsRefused() {
        assertThatThrownBy(() -> new LocationRef("url", "https://h/all.yaml").resolve("file", "/etc/passwd"))
                .hasMessageContaining("file target '/etc/passwd' is not allowed");
    }
}
