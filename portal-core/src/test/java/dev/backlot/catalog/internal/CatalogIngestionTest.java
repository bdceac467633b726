package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogFixture.component;
import static dev.backlot.catalog.internal.CatalogFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import dev.backlot.catalog.ProcessingError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog end to end on real files and a real H2 database. */
class CatalogIngestionTest {

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
    void registeredDirectoryIsIngestedWithRelationsInBothDirections() throws Exception {
        f.write("shop/catalog-info.yaml", component("shop", "team-a", "system: retail"));
        f.write("team/catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a}
                spec: {type: team, children: []}
                """);

        f.catalog.addLocation("file", f.root.toString(), false);
        f.idle();

        Map<String, Object> shop = f.trees.entity("component", "default", "shop").orElseThrow();
        assertThat(relations(shop)).contains("ownedBy group:default/team-a", "partOf system:default/retail");
        assertThat(relations(f.trees.entity("Group", "default", "TEAM-A").orElseThrow()))
                .containsExactly("ownerOf component:default/shop");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) shop.get("metadata");
        assertThat(metadata.get("uid")).isNotNull();
        assertThat(metadata.get("etag")).isNotNull();
        assertThat((Map<String, Object>) metadata.get("annotations")).containsKey("backstage.io/managed-by-location")
                .containsKey("backstage.io/managed-by-origin-location");
    }

    @Test
    void editedFileIsSeenWithoutAnyRefreshCall() throws Exception {
        Path file = f.write("svc/catalog-info.yaml", component("svc", "team-a", null));
        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        Files.writeString(file, component("svc", "team-b", null));

        eventually(() -> relations(f.trees.entity("component", "default", "svc").orElseThrow())
                .contains("ownedBy group:default/team-b"), "the new owner");
    }

    @Test
    void badDocumentIsReportedAndTheGoodOnesBesideItAreIngested() throws Exception {
        Path file = f.write("mixed/catalog-info.yaml", component("good-one", "team-a", null) + """
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: "bad name!"}
                spec: {type: service, lifecycle: production, owner: team-a}
                ---
                kind: Spaceship
                apiVersion: backstage.io/v1alpha1
                metadata: {name: enterprise}
                ---
                """ + component("good-two", "team-a", null));

        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        assertThat(f.trees.entity("component", "default", "good-one")).isPresent();
        assertThat(f.trees.entity("component", "default", "good-two")).isPresent();
        List<ProcessingError> errors = f.catalog.processingErrors();
        assertThat(errors).extracting(ProcessingError::message).anyMatch(m -> m.contains("bad name!"))
                .anyMatch(m -> m.toLowerCase().contains("spaceship"));
        assertThat(errors).allMatch(e -> e.location().contains("mixed/catalog-info.yaml"));
    }

    @Test
    void sameEntityFromASecondLocationIsAConflictAndTheFirstOwnerWins() throws Exception {
        Path first = f.write("a/catalog-info.yaml", component("twin", "team-a", null));
        Path second = f.write("b/catalog-info.yaml", component("twin", "team-b", null));
        f.catalog.addLocation("file", first.toString(), false);
        f.idle();

        f.catalog.addLocation("file", second.toString(), false);
        f.idle();

        assertThat(relations(f.trees.entity("component", "default", "twin").orElseThrow()))
                .contains("ownedBy group:default/team-a");
        assertThat(f.catalog.processingErrors()).anySatisfy(e -> {
            assertThat(e.message()).contains("Conflict").contains("component:default/twin");
            assertThat(e.location()).contains("b/catalog-info.yaml");
        });
    }

    @Test
    void entityNoLongerEmittedIsRemovedAndItsReverseRelationGoes() throws Exception {
        Path file = f.write("x/catalog-info.yaml", component("keep", "team-a", null) + "---\n" + component("drop", "team-a", null)
                + "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n");
        CatalogLocation location = f.catalog.addLocation("file", file.toString(), false).location();
        f.idle();

        Files.writeString(file, component("keep", "team-a", null)
                + "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-a}\nspec: {type: team, children: []}\n");
        f.catalog.refresh("component:default/keep");
        f.idle();

        assertThat(f.trees.entity("component", "default", "drop")).isEmpty();
        assertThat(relations(f.trees.entity("group", "default", "team-a").orElseThrow()))
                .containsExactly("ownerOf component:default/keep");
        assertThat(f.catalog.location(location.id())).isPresent();
    }

    @Test
    void brokenReReadKeepsTheLastGoodVersionAndRecordsTheError() throws Exception {
        Path file = f.write("y/catalog-info.yaml", component("steady", "team-a", null));
        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: steady\n  broken: [");
        f.catalog.refresh("component:default/steady");
        f.idle();

        assertThat(f.trees.entity("component", "default", "steady")).isPresent();
        assertThat(f.catalog.processingErrors()).isNotEmpty().allMatch(e -> e.location().contains("y/catalog-info.yaml"));
    }

    @Test
    void unregisteringALocationRemovesItsEntities() throws Exception {
        Path file = f.write("z/catalog-info.yaml", component("gone-soon", "team-a", null));
        CatalogLocation location = f.catalog.addLocation("file", file.toString(), false).location();
        f.idle();

        f.catalog.removeLocation(location.id());
        f.idle();

        assertThat(f.trees.entity("component", "default", "gone-soon")).isEmpty();
        assertThat(f.catalog.locations()).isEmpty();
    }

    @Test
    void missingFileIsRefusedAtRegistrationWhileAnUnreadableTargetInsideIsAProcessingError() throws Exception {
        assertThatThrownBy(() -> f.catalog.addLocation("file", f.root.resolve("nowhere/catalog-info.yaml").toString(), false))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Cannot read").hasMessageContaining("nowhere");
        Path file = f.write("leads/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\n"
                + "metadata: {name: leads}\nspec: {targets: [./missing.yaml]}\n");

        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        assertThat(f.catalog.locations()).hasSize(1);
        assertThat(f.catalog.processingErrors()).anySatisfy(e -> assertThat(e.location()).contains("missing.yaml"));
    }

    @Test
    void fileTargetOutsideTheAllowedRootsIsRefusedWithTheReason() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.yaml"), component("sneaky", "team-a", null));

        assertThatThrownBy(() -> f.catalog.addLocation("file", outside.toString(), false))
                .isInstanceOf(CatalogException.class).hasMessageContaining("outside.yaml");
        assertThatThrownBy(() -> f.catalog.addLocation("file", f.root.resolve("../outside.yaml").toString(), false))
                .isInstanceOf(CatalogException.class);
        assertThat(f.catalog.locations()).isEmpty();
    }

    @Test
    void secondRegistrationOfTheSameTargetIsAConflictButADryRunIsNot() throws Exception {
        Path file = f.write("dup/catalog-info.yaml", component("dup", "team-a", null));
        f.catalog.addLocation("file", file.toString(), false);

        assertThatThrownBy(() -> f.catalog.addLocation("file", file.toString(), false)).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).reason()).isEqualTo(CatalogException.Reason.CONFLICT);
        var preview = f.catalog.addLocation("file", file.toString(), true);
        assertThat(preview.exists()).isTrue();
        assertThat(preview.entities()).hasSize(1);
    }

    @Test
    void filtersFacetsAndPagingFollowBackstageSemantics() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            yaml.append(component("svc-" + (char) ('a' + i), i % 2 == 0 ? "team-a" : "team-b",
                    "system: s" + (i % 3))).append("---\n");
        }
        yaml.append("apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: the-api, tags: [java, grpc]}\n"
                + "spec: {type: grpc, lifecycle: production, owner: team-a, definition: 'syntax = \"proto3\";'}\n");
        Path file = f.write("many/catalog-info.yaml", yaml.toString());
        f.catalog.addLocation("file", file.toString(), false);
        f.idle();

        EntityFilter components = EntityFilter.parse(List.of("kind=component"));
        assertThat(f.catalog.count(new EntityQuery(components, List.of(), 0, 5, null, List.of()))).isEqualTo(12);
        assertThat(names(f.trees.entities(new EntityQuery(components, List.of(new EntityOrder("metadata.name", false)),
                2, 3, null, List.of())))).containsExactly("svc-j", "svc-i", "svc-h");
        assertThat(names(f.trees.entities(new EntityQuery(
                EntityFilter.parse(List.of("kind=component,relations.ownedby=group:default/team-b,spec.system=s0")),
                List.of(), 0, 100, null, List.of())))).containsExactly("svc-d", "svc-j");
        assertThat(names(f.trees.entities(new EntityQuery(EntityFilter.parse(List.of("kind=api", "metadata.name=svc-a")),
                List.of(), 0, 100, null, List.of())))).containsExactlyInAnyOrder("the-api", "svc-a");
        assertThat(names(f.trees.entities(new EntityQuery(EntityFilter.parse(List.of("metadata.tags.java")),
                List.of(), 0, 100, null, List.of())))).containsExactly("the-api");
        assertThat(names(f.trees.entities(new EntityQuery(components, List.of(), 0, 100, "VC-K", List.of())))).containsExactly("svc-k");
        Map<String, List<FacetValue>> facets = f.catalog.facets(List.of("kind", "spec.owner"), EntityFilter.ALL);
        // The Location is the one standing for the registered file, as in Backstage.
        assertThat(facets.get("kind")).containsExactly(new FacetValue("Component", 12), new FacetValue("API", 1),
                new FacetValue("Location", 1));
        assertThat(facets.get("spec.owner")).contains(new FacetValue("team-a", 7), new FacetValue("team-b", 6));
    }

    @Test
    void listsAreOrderedByKindNamespaceAndNameAndPagesJoinUpWithOrWithoutAKindFilter() throws Exception {
        StringBuilder yaml = new StringBuilder();
        // "a" and "a-b" order differently as namespaces than inside a reference string ("a-b/" < "a/").
        for (String namespace : List.of("a-b", "default", "a")) {
            for (String name : List.of("zed", "svc", "api-like")) {
                yaml.append("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ").append(name)
                        .append(", namespace: ").append(namespace)
                        .append("}\nspec: {type: service, lifecycle: production, owner: team-a}\n---\n");
            }
        }
        yaml.append("apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: svc, namespace: a}\n"
                + "spec: {type: grpc, lifecycle: production, owner: team-a, definition: x}\n");
        f.catalog.addLocation("file", f.write("ordered/catalog-info.yaml", yaml.toString()).toString(), false);
        f.idle();

        EntityFilter components = EntityFilter.parse(List.of("kind=component"));
        List<String> byRef = refs(f.trees.entities(new EntityQuery(components, List.of(), 0, 100, null, List.of())));
        assertThat(byRef).containsExactly("component:a/api-like", "component:a/svc", "component:a/zed",
                "component:a-b/api-like", "component:a-b/svc", "component:a-b/zed",
                "component:default/api-like", "component:default/svc", "component:default/zed");
        List<String> byName = refs(f.trees.entities(new EntityQuery(components,
                List.of(new EntityOrder("metadata.name", true)), 0, 100, null, List.of())));
        assertThat(byName).containsExactly("component:a/api-like", "component:a-b/api-like", "component:default/api-like",
                "component:a/svc", "component:a-b/svc", "component:default/svc",
                "component:a/zed", "component:a-b/zed", "component:default/zed");
        // Pages of 2 join up into the same list, for a one-kind filter and for two kinds.
        for (EntityFilter filter : List.of(components, EntityFilter.parse(List.of("kind=component", "kind=api")))) {
            for (List<EntityOrder> order : List.of(List.<EntityOrder>of(), List.of(new EntityOrder("metadata.name", true)),
                    List.of(new EntityOrder("metadata.name", false)))) {
                List<String> all = refs(f.trees.entities(new EntityQuery(filter, order, 0, 100, null, List.of())));
                List<String> paged = new java.util.ArrayList<>();
                for (int offset = 0; offset < all.size(); offset += 2) {
                    paged.addAll(refs(f.trees.entities(new EntityQuery(filter, order, offset, 2, null, List.of()))));
                }
                assertThat(paged).as("pages of %s ordered by %s", filter, order).isEqualTo(all);
            }
        }
        assertThat(refs(f.trees.entities(new EntityQuery(EntityFilter.parse(List.of("kind=component", "kind=api")),
                List.of(new EntityOrder("metadata.name", true)), 3, 2, null, List.of()))))
                .containsExactly("api:a/svc", "component:a/svc");
    }

    @SuppressWarnings("unchecked")
    static List<String> refs(List<Map<String, Object>> entities) {
        return entities.stream().map(e -> {
            Map<String, Object> metadata = (Map<String, Object>) e.get("metadata");
            return (e.get("kind") + ":" + metadata.get("namespace") + "/" + metadata.get("name")).toLowerCase();
        }).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> relations(Map<String, Object> entity) {
        return ((List<Map<String, Object>>) entity.get("relations")).stream()
                .map(r -> r.get("type") + " " + r.get("targetRef")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> names(List<Map<String, Object>> entities) {
        return entities.stream().map(e -> (String) ((Map<String, Object>) e.get("metadata")).get("name")).toList();
    }
}
