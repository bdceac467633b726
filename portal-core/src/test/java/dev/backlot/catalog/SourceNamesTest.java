package dev.backlot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceNamesTest {

    private final SourceNames names = new SourceNames(List.of(Path.of("/srv/backlot/data/sample-catalog"),
            Path.of("/srv/repos"), Path.of("/srv/repos/team-a")));

    @Test
    void filePathsAreShownRelativeToTheirCatalogFolder() {
        assertThat(names.location("file:/srv/backlot/data/sample-catalog/org.yaml")).isEqualTo("file:sample-catalog/org.yaml");
        assertThat(names.target("file", "/srv/repos/team-a/catalog-info.yaml")).isEqualTo("team-a/catalog-info.yaml");
        assertThat(names.target("file", "/srv/repos")).isEqualTo("repos");
        assertThat(names.text("file /srv/repos/x/catalog-info.yaml does not exist"))
                .isEqualTo("file repos/x/catalog-info.yaml does not exist");
    }

    @Test
    void otherAbsolutePathsInMessagesKeepOnlyTheirLastSegment() {
        assertThat(names.text("file target '/etc/secret/passwd' is outside the allowed file roots [/opt/x]"))
                .isEqualTo("file target '\u2026/passwd' is outside the allowed file roots [\u2026/x]");
        assertThat(names.text("cannot read https://git.example.com/org/repo/raw/x.yaml: 404"))
                .isEqualTo("cannot read https://git.example.com/org/repo/raw/x.yaml: 404");
    }

    @Test
    void urlQueriesAndUserInfoAreMasked() {
        assertThat(names.location("url:https://bot:pw@git.example.com/raw/x.yaml?token=abc&ref=main"))
                .isEqualTo("url:https://***@git.example.com/raw/x.yaml?token=***&ref=***");
        assertThat(names.target("url", "https://git.example.com/x.yaml")).isEqualTo("https://git.example.com/x.yaml");
    }

    @Test
    void entityAnnotationsAndStatusMessagesAreShownWithoutPathsAndTheEntityIsNotChanged() {
        Map<String, Object> entity = Map.of("kind", "Component", "metadata", Map.of("name", "x", "annotations",
                Map.of("backstage.io/managed-by-location", "file:/srv/repos/x/catalog-info.yaml")),
                "status", Map.of("items", List.of(Map.of("level", "error", "message", "cannot read /srv/repos/x/y"))));

        Map<String, Object> shown = names.entity(entity);

        assertThat(shown.toString()).contains("file:repos/x/catalog-info.yaml", "cannot read repos/x/y")
                .doesNotContain("/srv/");
        assertThat(entity.toString()).contains("file:/srv/repos/x/catalog-info.yaml");
    }

    @Test
    void storedJsonIsShownWithoutPathsAndUrlSecretsWithoutBeingParsed() {
        String json = "{\"metadata\":{\"annotations\":{\"backstage.io/managed-by-location\":"
                + "\"file:/srv/repos/x/catalog-info.yaml\",\"backstage.io/source-location\":"
                + "\"url:https://bot:pw@git.example.com/x?token=abc\"}}}";

        assertThat(names.json(json)).contains("file:repos/x/catalog-info.yaml",
                "url:https://***@git.example.com/x?token=***").doesNotContain("/srv/", "abc", ":pw@");
    }
}
