package dev.backlot.catalog.internal;

import static dev.backlot.catalog.internal.CatalogIngestionTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Predicate queries against a real H2 catalog: what each operator selects, on columns and on search rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPredicateQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFixture f;

    @BeforeAll
    void loadCatalog(@TempDir Path dir) throws Exception {
        f = new CatalogFixture(dir);
        f.write("org/catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: svc-a
                  description: The first service
                  tags: [java, backend]
                  links:
                    - {url: 'https://a.example/runbook', title: Runbook}
                spec: {type: service, lifecycle: production, owner: team-a, system: shop, replicas: 3}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: svc-b, tags: [go]}
                spec: {type: service, lifecycle: experimental, owner: team-b}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: web-c
                  links:
                    - {url: 'https://c.example/docs', title: Docs}
                spec: {type: website, lifecycle: production, owner: team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: api-d, tags: [java, grpc]}
                spec: {type: grpc, lifecycle: production, owner: team-b, definition: 'syntax = "proto3";'}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a}
                spec: {type: team, children: []}
                """);
        f.catalog.addLocation("file", f.root.resolve("org/catalog-info.yaml").toString(), false);
        f.idle();
    }

    @AfterAll
    void close() {
        f.close();
    }

    private List<String> select(String predicate) throws Exception {
        return names(f.trees.entities(query(predicate)));
    }

    private static EntityQuery query(String predicate) throws Exception {
        return new EntityQuery(EntityFilter.ALL, List.of(new EntityOrder("metadata.name", true)), 0, 100, null, List.of(),
                EntityPredicate.parse(JSON.readValue(predicate, Object.class)));
    }

    @Test
    void equalityIsCaseInsensitiveOnColumnsAndSearchRowsAndNumbersCompareAsText() throws Exception {
        assertThat(select("{\"Kind\": \"COMPONENT\", \"spec.owner\": \"Team-A\"}")).containsExactly("svc-a", "web-c");
        assertThat(select("{\"spec.replicas\": 3}")).containsExactly("svc-a");
        assertThat(select("{\"metadata.name\": \"API-D\"}")).containsExactly("api-d");
    }

    @Test
    void notAndExistsFalseSelectWhatLacksTheValue() throws Exception {
        assertThat(select("{\"$all\": [{\"kind\": \"component\"}, {\"$not\": {\"spec.lifecycle\": \"experimental\"}}]}"))
                .containsExactly("svc-a", "web-c");
        assertThat(select("{\"kind\": {\"$in\": [\"component\", \"api\"]}, \"spec.system\": {\"$exists\": false}}"))
                .containsExactly("api-d", "svc-b", "web-c");
        assertThat(select("{\"metadata.description\": {\"$exists\": true}}")).containsExactly("svc-a");
        assertThat(select("{\"$not\": {\"kind\": {\"$exists\": true}}}")).isEmpty();
    }

    @Test
    void inAndHasPrefixMatchAnyValueAndAPrefixLiterally() throws Exception {
        assertThat(select("{\"spec.type\": {\"$in\": [\"website\", \"GRPC\", 7]}}")).containsExactly("api-d", "web-c");
        assertThat(select("{\"spec.type\": {\"$in\": []}}")).isEmpty();
        assertThat(select("{\"metadata.name\": {\"$hasPrefix\": \"SVC-\"}}")).containsExactly("svc-a", "svc-b");
        assertThat(select("{\"spec.owner\": {\"$hasPrefix\": \"team-\"}, \"kind\": \"api\"}")).containsExactly("api-d");
        // % and _ are not wildcards
        assertThat(select("{\"metadata.name\": {\"$hasPrefix\": \"svc_\"}}")).isEmpty();
        assertThat(select("{\"metadata.name\": {\"$hasPrefix\": \"%\"}}")).isEmpty();
    }

    @Test
    void containsOnTagsMatchesAnElement() throws Exception {
        assertThat(select("{\"metadata.tags\": {\"$contains\": \"Java\"}}")).containsExactly("api-d", "svc-a");
        assertThat(select("{\"metadata.tags\": {\"$contains\": {\"$any\": [\"go\", \"grpc\"]}}}")).containsExactly("api-d", "svc-b");
        assertThat(select("{\"metadata.tags\": \"java\"}")).containsExactly("api-d", "svc-a");
        assertThat(select("{\"$all\": [{\"$not\": {\"metadata.tags\": {\"$contains\": \"java\"}}}, {\"kind\": \"component\"}]}"))
                .containsExactly("svc-b", "web-c");
    }

    @Test
    void containsOnRelationsMatchesTypeAndTargetOfOneRelation() throws Exception {
        assertThat(select("{\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"targetRef\": \"group:default/team-b\"}}}"))
                .containsExactly("api-d", "svc-b");
        assertThat(select("{\"relations\": {\"$contains\": {\"type\": \"OWNEROF\"}}}")).containsExactly("team-a");
        assertThat(select("{\"relations\": {\"$contains\": {\"type\": {\"$in\": [\"partOf\"]}}}}")).containsExactly("svc-a");
        assertThat(select("{\"relations\": {\"$contains\": {\"targetRef\": {\"$hasPrefix\": \"system:\"}}}}"))
                .containsExactly("svc-a");
        assertThat(select("{\"relations.ownedBy\": \"group:default/team-a\"}")).containsExactly("svc-a", "web-c");
    }

    @Test
    void containsOnListsOfObjectsMatchesOneFieldOfAnElement() throws Exception {
        assertThat(select("{\"metadata.links\": {\"$contains\": {\"url\": \"https://c.example/docs\"}}}")).containsExactly("web-c");
        assertThat(select("{\"metadata.links\": {\"$contains\": {\"$any\": [{\"title\": \"runbook\"}, {\"title\": \"docs\"}]}}}"))
                .containsExactly("svc-a", "web-c");
        assertThat(select("{\"metadata.links\": {\"$contains\": {\"title\": {\"$exists\": true}}}}")).containsExactly("svc-a", "web-c");
        assertThat(select("{\"metadata.links\": {\"$contains\": {}}}")).containsExactly("svc-a", "web-c");
        assertThat(select("{\"metadata.tags\": {\"$contains\": {}}}")).containsExactly("api-d", "svc-a", "svc-b");
    }

    @Test
    void containsThatTheSearchRowsCannotAnswerIsRefusedWithTheReason() {
        assertThatThrownBy(() -> select("{\"metadata.links\": {\"$contains\": {\"url\": \"x\", \"title\": \"y\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$contains on 'metadata.links' cannot test one element against several conditions");
        assertThatThrownBy(() -> select("{\"metadata.tags\": {\"$contains\": {\"$not\": \"java\"}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$contains on 'metadata.tags'");
        assertThatThrownBy(() -> select("{\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"target.kind\": \"group\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type and targetRef only, not on 'target.kind'");
        assertThatThrownBy(() -> select("{\"metadata.links\": {\"$contains\": {\"url\": {\"$exists\": false}}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{\"$exists\": false}");
    }

    @Test
    void logicalOperatorsNestAndEmptyOnesHaveBackstagesMeaning() throws Exception {
        assertThat(select("""
                {"$any": [
                  {"$all": [{"kind": "component"}, {"$any": [{"spec.type": "website"}, {"spec.lifecycle": "experimental"}]}]},
                  {"$all": [{"kind": "api"}, {"$not": {"spec.owner": "team-a"}}]}
                ]}""")).containsExactly("api-d", "svc-b", "web-c");
        assertThat(select("{\"$any\": []}")).isEmpty();
        assertThat(select("{\"$not\": {}}")).isEmpty();
        assertThat(select("{\"$all\": []}")).hasSize(6); // five entities and the generated Location
    }

    @Test
    void convertedFilterSelectsExactlyWhatTheFilterSelects() {
        for (List<String> filter : List.of(List.of("kind=component"), List.of("kind=component,spec.type=service,spec.type=website"),
                List.of("kind=api", "metadata.name=svc-a"), List.of("metadata.tags.java"), List.of("spec.system"),
                List.of("relations.ownedby=group:default/team-b,metadata.tags=go"), List.of("metadata.namespace=default,kind"))) {
            EntityFilter parsed = EntityFilter.parse(filter);
            List<EntityOrder> order = List.of(new EntityOrder("metadata.name", true));

            List<String> byFilter = names(f.trees.entities(new EntityQuery(parsed, order, 0, 100, null, List.of())));
            List<String> byPredicate = names(f.trees.entities(new EntityQuery(EntityFilter.ALL, order, 0, 100, null,
                    List.of(), EntityPredicate.of(parsed))));

            assertThat(byPredicate).as(filter.toString()).isNotEmpty().isEqualTo(byFilter);
        }
    }

    @Test
    void predicateAndFilterMustBothHoldAndCountFollowsThem() throws Exception {
        EntityQuery both = new EntityQuery(EntityFilter.parse(List.of("kind=component")), List.of(), 0, 1, null, List.of(),
                query("{\"spec.owner\": \"team-a\"}").predicate());

        assertThat(f.catalog.count(both)).isEqualTo(2);
        assertThat(f.trees.entities(both)).hasSize(1);
    }

    @Test
    void facetsCountOnlyTheMatchingEntities() throws Exception {
        Map<String, List<FacetValue>> facets = f.catalog.facets(List.of("spec.type", "metadata.tags"),
                query("{\"spec.owner\": \"team-b\"}").predicate());

        assertThat(facets.get("spec.type")).containsExactlyInAnyOrder(new FacetValue("service", 1), new FacetValue("grpc", 1));
        assertThat(facets.get("metadata.tags")).containsExactlyInAnyOrder(new FacetValue("go", 1), new FacetValue("java", 1),
                new FacetValue("grpc", 1));
    }

    @Test
    void byRefsLeavesNullWhereTheEntityDoesNotMatch() throws Exception {
        List<Map<String, Object>> found = f.trees.entitiesByRefs(List.of("component:svc-b", "component:default/svc-a",
                "api:api-d", "component:nope"), query("{\"spec.lifecycle\": \"production\"}").predicate());

        assertThat(found).extracting(e -> e == null ? null : (String) ((Map<?, ?>) e.get("metadata")).get("name"))
                .containsExactly(null, "svc-a", "api-d", null);
    }
}
