package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.envelope;
import static dev.backlot.catalog.internal.model.Entities.map;
import static dev.backlot.catalog.internal.model.Entities.metadata;
import static dev.backlot.catalog.internal.model.Entities.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BuiltinRelationsTest {

    private static List<String> edges(Map<String, Object> entity) {
        BuiltinRelations.Result result = BuiltinRelations.relationsOf(EntityNormalizer.normalize(entity));
        assertThat(result.problems()).isEmpty();
        return result.relations().stream().map(RelationEdge::toString).toList();
    }

    @Test
    void componentOwnerAndSystemGiveBothDirections() {
        assertThat(edges(component())).containsExactly(
                "component:default/artist-lookup ownedBy group:default/team-a",
                "group:default/team-a ownerOf component:default/artist-lookup",
                "component:default/artist-lookup partOf system:default/artist-engagement-portal",
                "system:default/artist-engagement-portal hasPart component:default/artist-lookup");
    }

    @Test
    void refWithoutNamespaceTakesTheReferringEntitysNamespace() {
        Map<String, Object> entity = component();
        metadata(entity).put("namespace", "payments");
        spec(entity).put("system", "shared/billing");

        assertThat(edges(entity)).contains(
                "component:payments/artist-lookup ownedBy group:payments/team-a",
                "component:payments/artist-lookup partOf system:shared/billing");
    }

    @Test
    void explicitKindOverridesTheFieldDefault() {
        Map<String, Object> entity = component();
        spec(entity).put("owner", "user:jdoe");
        spec(entity).remove("system");

        assertThat(edges(entity)).containsExactly("component:default/artist-lookup ownedBy user:default/jdoe",
                "user:default/jdoe ownerOf component:default/artist-lookup");
    }

    @Test
    void componentApiAndDependencyListsGiveTheirPairs() {
        Map<String, Object> entity = component();
        spec(entity).remove("system");
        spec(entity).put("subcomponentOf", "artist-suite");
        spec(entity).put("providesApis", List.of("artist-api"));
        spec(entity).put("consumesApis", List.of("default/spotify"));
        spec(entity).put("dependsOn", List.of("resource:artists-db"));
        spec(entity).put("dependencyOf", List.of("component:www-artist"));

        assertThat(edges(entity)).contains(
                "component:default/artist-lookup partOf component:default/artist-suite",
                "component:default/artist-suite hasPart component:default/artist-lookup",
                "component:default/artist-lookup providesApi api:default/artist-api",
                "api:default/artist-api apiProvidedBy component:default/artist-lookup",
                "component:default/artist-lookup consumesApi api:default/spotify",
                "api:default/spotify apiConsumedBy component:default/artist-lookup",
                "component:default/artist-lookup dependsOn resource:default/artists-db",
                "resource:default/artists-db dependencyOf component:default/artist-lookup",
                "component:default/artist-lookup dependencyOf component:default/www-artist",
                "component:default/www-artist dependsOn component:default/artist-lookup").hasSize(12);
    }

    @Test
    void dependencyWithoutKindIsAProblemWhileOtherRelationsAreStillEmitted() {
        Map<String, Object> entity = component();
        spec(entity).put("dependsOn", List.of("artists-db", "resource:cache"));

        BuiltinRelations.Result result = BuiltinRelations.relationsOf(EntityNormalizer.normalize(entity));

        assertThat(result.problems()).containsExactly("spec.dependsOn[0] \"artists-db\" is invalid: "
                + "a reference in dependsOn must name its kind, as in resource:artists-db");
        assertThat(result.relations()).hasSize(6).extracting(RelationEdge::type).contains("ownedBy", "dependsOn");
    }

    @Test
    void malformedRefIsAProblemNamingTheField() {
        Map<String, Object> entity = component();
        spec(entity).put("system", "a:b:c");

        BuiltinRelations.Result result = BuiltinRelations.relationsOf(EntityNormalizer.normalize(entity));

        assertThat(result.problems()).singleElement().asString().startsWith("spec.system \"a:b:c\" is invalid: "
                + "must be an entity reference [kind:][namespace/]name");
        assertThat(result.relations()).hasSize(2);
    }

    @Test
    void groupParentChildrenAndMembersGiveTheirPairs() {
        Map<String, Object> group = envelope("Group", "team-a");
        group.put("spec", map("type", "team", "parent", "backstage", "children", List.of("squad-1"),
                "members", List.of("breanna.davison")));

        assertThat(edges(group)).containsExactly(
                "group:default/team-a childOf group:default/backstage",
                "group:default/backstage parentOf group:default/team-a",
                "group:default/team-a parentOf group:default/squad-1",
                "group:default/squad-1 childOf group:default/team-a",
                "group:default/team-a hasMember user:default/breanna.davison",
                "user:default/breanna.davison memberOf group:default/team-a");
    }

    @Test
    void userMemberOfGivesMembershipBothWays() {
        Map<String, Object> user = envelope("User", "guest");
        user.put("spec", map("memberOf", List.of("guests")));

        assertThat(edges(user)).containsExactly("user:default/guest memberOf group:default/guests",
                "group:default/guests hasMember user:default/guest");
    }

    @Test
    void systemDomainAndSubdomainArePartOfTheirParents() {
        Map<String, Object> system = envelope("System", "podcast");
        system.put("spec", map("owner", "team-b", "domain", "audio"));
        Map<String, Object> domain = envelope("Domain", "playback");
        domain.put("spec", map("owner", "team-b", "subdomainOf", "audio"));

        assertThat(edges(system)).contains("system:default/podcast partOf domain:default/audio",
                "domain:default/audio hasPart system:default/podcast");
        assertThat(edges(domain)).contains("domain:default/playback partOf domain:default/audio",
                "domain:default/audio hasPart domain:default/playback");
    }

    @Test
    void templateOwnerGivesOwnership() {
        Map<String, Object> template = envelope("Template", "new-service");
        template.put("spec", map("type", "service", "owner", "platform", "steps", List.of()));

        assertThat(edges(template)).containsExactly("template:default/new-service ownedBy group:default/platform",
                "group:default/platform ownerOf template:default/new-service");
    }

    @Test
    void identicalEdgesAreEmittedOnce() {
        Map<String, Object> entity = component();
        spec(entity).put("consumesApis", List.of("spotify", "API:default/Spotify"));

        assertThat(edges(entity)).filteredOn(e -> e.contains("spotify")).containsExactly(
                "component:default/artist-lookup consumesApi api:default/spotify",
                "api:default/spotify apiConsumedBy component:default/artist-lookup");
    }

    @Test
    void locationsAndUnknownKindsHaveNoSpecRelations() {
        Map<String, Object> location = envelope("Location", "all");
        location.put("spec", map("targets", List.of("./a.yaml")));

        assertThat(edges(location)).isEmpty();
        assertThat(edges(envelope("Widget", "w"))).isEmpty();
    }
}
