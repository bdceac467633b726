package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogIngestionTest.relations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backstage's own example catalog, registered the way its demo registers it, gives the entities and
 * relations Backstage gives (including the one dangling owner, {@code group:default/guest}).
 */
class ConformanceIngestionTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/conformance/backstage/backstage/packages/catalog-model/examples");

    @TempDir
    Path dir;
    private CatalogFixture f;

    @BeforeEach
    void registerTheExampleLocations() throws Exception {
        f = new CatalogFixture(dir);
        Path copy = f.root.resolve("examples");
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(EXAMPLES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        for (String location : List.of("all-components.yaml", "all-systems.yaml", "all-domains.yaml", "all-resources.yaml",
                "acme/org.yaml")) {
            f.catalog.addLocation("file", copy.resolve(location).toString(), false);
        }
        f.idle();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void everyExampleIsIngestedWithoutErrors() throws Exception {
        assertThat(f.catalog.processingErrors()).isEmpty();
        assertThat(count("kind=component")).isEqualTo(13);
        assertThat(count("kind=system")).isEqualTo(3);
        assertThat(count("kind=domain")).isEqualTo(3);
        assertThat(count("kind=resource")).isEqualTo(1);
        assertThat(count("kind=group")).isGreaterThanOrEqualTo(8);
        assertThat(count("kind=user")).isGreaterThan(0);
        // Location entities are catalog entities too, as in Backstage: the five files' own and the five
        // generated for the five registered locations.
        assertThat(count("kind=location")).isEqualTo(10);
        assertThat(count("kind=location,metadata.name=generated-" + sha1("file:" + f.root.resolve("examples/acme/org.yaml"))))
                .isEqualTo(1);
    }

    @Test
    void relationsMatchBackstagesInBothDirections() {
        assertThat(relations(f.trees.entity("component", "default", "artist-lookup").orElseThrow()))
                .contains("ownedBy group:default/team-a", "partOf system:default/artist-engagement-portal");
        assertThat(relations(f.trees.entity("group", "default", "team-a").orElseThrow()))
                .contains("ownerOf component:default/artist-lookup", "ownerOf component:default/www-artist",
                        "ownerOf system:default/artist-engagement-portal", "ownerOf domain:default/artists",
                        "ownerOf resource:default/artists-db", "childOf group:default/backstage");
        assertThat(relations(f.trees.entity("system", "default", "artist-engagement-portal").orElseThrow()))
                .contains("hasPart component:default/artist-lookup", "partOf domain:default/artists");
    }

    @Test
    void danglingOwnerIsKeptAsARelation() {
        assertThat(relations(f.trees.entity("component", "default", "playback-order").orElseThrow()))
                .contains("ownedBy group:default/guest");
        assertThat(f.trees.entity("group", "default", "guest")).isEmpty();
    }

    private static String sha1(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private long count(String filter) {
        return f.catalog.count(new EntityQuery(EntityFilter.parse(List.of(filter)), List.of(), 0, 1, null, List.of()));
    }
}
