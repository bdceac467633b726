package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.EntityAncestry;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ancestry of entities, Backstage's processing chain, on real files and a real H2 database. */
class CatalogAncestryTest {

    @TempDir
    Path dir;
    private CatalogFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new CatalogFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void entityBehindNestedLocationsListsEveryLocationUpToTheRegisteredOne() throws Exception {
        Path top = f.write("catalog-info.yaml", location("top", "./teams/catalog-info.yaml"));
        f.write("teams/catalog-info.yaml", location("teams", "./svc.yaml"));
        f.write("teams/svc.yaml", component("svc", "team-a", null));
        f.catalog.addLocation("file", top.toString(), false);
        f.idle();

        EntityAncestry ancestry = f.catalog.ancestry(new EntityRef("Component", "default", "SVC")).orElseThrow();

        String generated = "location:default/generated-" + sha1("file:" + top);
        assertThat(ancestry.rootEntityRef()).isEqualTo("component:default/svc");
        assertThat(ancestry.items()).extracting(i -> ref(i.entity()))
                .containsExactly("component:default/svc", "location:default/teams", "location:default/top", generated);
        assertThat(ancestry.items()).extracting(EntityAncestry.Item::parentEntityRefs).containsExactly(
                List.of("location:default/teams"), List.of("location:default/top"), List.of(generated), List.of());
    }

    @Test
    void registeredLocationIsALocationEntityNamedAsBackstageNamesIt() throws Exception {
        Path file = f.write("one/catalog-info.yaml", component("solo", "team-a", null));
        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        Map<String, Object> generated = f.trees.entity("location", "default", "generated-" + sha1("file:" + file))
                .orElseThrow();

        assertThat(generated.get("spec")).isEqualTo(Map.of("type", "file", "target", file.toString()));
        assertThat(metadata(generated).get("annotations")).isEqualTo(Map.of(
                "backstage.io/managed-by-location", "file:" + file, "backstage.io/managed-by-origin-location", "file:" + file));
        assertThat(f.catalog.ancestry(new EntityRef("component", "default", "solo")).orElseThrow().items().get(0).parentEntityRefs())
                .containsExactly(("location:default/" + metadata(generated).get("name")).toLowerCase());
        assertThat(f.catalog.processingErrors()).isEmpty();
    }

    @Test
    void fileReachedThroughTwoLocationsHasBothAsParents() throws Exception {
        Path top = f.write("catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: top}
                spec: {targets: [./a.yaml, ./b.yaml]}
                """);
        f.write("a.yaml", location("a", "./shared.yaml"));
        f.write("b.yaml", location("b", "./shared.yaml"));
        f.write("shared.yaml", component("shared", "team-a", null));
        f.catalog.addLocation("file", top.toString(), false);
        f.idle();

        EntityAncestry ancestry = f.catalog.ancestry(new EntityRef("component", "default", "shared")).orElseThrow();

        assertThat(ancestry.items().get(0).parentEntityRefs())
                .containsExactlyInAnyOrder("location:default/a", "location:default/b");
        // each ancestor once, though two paths lead to it
        assertThat(ancestry.items()).extracting(i -> ref(i.entity())).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void ancestryFollowsAnEntityMovedToAnotherFile() throws Exception {
        Path top = f.write("catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: top}
                spec: {targets: [./a.yaml, ./b.yaml]}
                """);
        Path a = f.write("a.yaml", location("a", "./svc.yaml"));
        f.write("b.yaml", location("b", "./other.yaml"));
        f.write("svc.yaml", component("mover", "team-a", null));
        f.write("other.yaml", component("other", "team-a", null));
        f.catalog.addLocation("file", top.toString(), false);
        f.idle();

        f.write("filler.yaml", component("filler", "team-a", null));
        Files.writeString(a, location("a", "./filler.yaml"));
        f.write("b.yaml", location("b", "[./other.yaml, ./svc.yaml]").replace("target:", "targets:"));
        f.catalog.refresh("location:default/top");
        f.idle();

        assertThat(f.catalog.ancestry(new EntityRef("component", "default", "mover")).orElseThrow().items().get(0).parentEntityRefs())
                .containsExactly("location:default/b");
    }

    @Test
    void unknownEntityHasNoAncestry() {
        assertThat(f.catalog.ancestry(new EntityRef("component", "default", "nobody"))).isEmpty();
    }

    private static String location(String name, String target) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: %s}
                spec: {target: %s}
                """.formatted(name, target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> entity) {
        return (Map<String, Object>) entity.get("metadata");
    }

    private static String ref(Entity entity) {
        return entity.ref().canonical();
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
