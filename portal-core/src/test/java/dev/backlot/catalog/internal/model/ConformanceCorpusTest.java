package dev.backlot.catalog.internal.model;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.backlot.catalog.internal.model.ConformanceCorpus.Document;
import dev.backlot.model.EntityRef;

/** Reproduces the validation and referential results that the corpus's NOTICE.md §2 and §6 record. */
class ConformanceCorpusTest {

    private static final String DEFINITION_PLACEHOLDER = "spec.definition (an object) is invalid: must be a "
            + "non-empty string; a {$text|$json|$yaml} placeholder must be resolved before validation";

    private static List<Document> documents;

    @BeforeAll
    static void readCorpus() {
        documents = ConformanceCorpus.documents();
    }

    @Test
    void corpusHoldsTheExpectedEntityDocuments() {
        Map<String, Long> kinds = documents.stream().collect(groupingBy(Document::kind, counting()));

        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("Component", 17L, "User", 19L, "Template", 14L,
                "Group", 11L, "API", 10L, "AiResource", 6L, "Location", 5L, "System", 5L, "Domain", 3L, "Resource", 1L));
    }

    @Test
    void everyDocumentIsValidExceptApisWithATextPlaceholder() {
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        for (Document document : documents) {
            List<String> problems = EntityRules.validate(document.entity());
            if (!problems.isEmpty()) {
                invalid.put(document.kind() + " " + document.name(), problems);
            }
        }

        assertThat(invalid).containsOnlyKeys("API wayback-search", "API spotify", "API wayback-archive", "API demo-graphql");
        assertThat(invalid.values()).allSatisfy(problems -> assertThat(problems).containsExactly(DEFINITION_PLACEHOLDER));
    }

    @Test
    void normalizedDocumentsStayValidAndNormalizingTwiceChangesNothing() {
        for (Document document : documents) {
            Map<String, Object> once = EntityNormalizer.normalize(document.entity());

            assertThat(EntityRules.validate(once)).as(document.toString())
                    .isEqualTo(EntityRules.validate(document.entity()));
            assertThat(EntityNormalizer.normalize(once)).as(document.toString()).isEqualTo(once);
        }
    }

    @Test
    void artistLookupIsOwnedByTeamAAndPartOfItsSystem() {
        assertThat(relationsOf("Component", "artist-lookup")).containsExactly(
                "component:default/artist-lookup ownedBy group:default/team-a",
                "group:default/team-a ownerOf component:default/artist-lookup",
                "component:default/artist-lookup partOf system:default/artist-engagement-portal",
                "system:default/artist-engagement-portal hasPart component:default/artist-lookup");
    }

    @Test
    void teamAHasItsParentAndMembersBothWays() {
        assertThat(relationsOf("Group", "team-a")).contains(
                "group:default/team-a childOf group:default/backstage",
                "group:default/backstage parentOf group:default/team-a");
        assertThat(relationsOf("User", "breanna.davison")).containsExactly(
                "user:default/breanna.davison memberOf group:default/team-a",
                "group:default/team-a hasMember user:default/breanna.davison");
    }

    @Test
    void exampleReferencesAllResolveExceptTheAcceptedGuestOwner() {
        List<Document> examples = documents.stream().filter(d -> d.file().startsWith(ConformanceCorpus.EXAMPLES)).toList();
        Set<EntityRef> present = examples.stream()
                .map(d -> new EntityRef(d.kind(), namespaceOf(d), d.name()))
                .collect(Collectors.toSet());

        Set<EntityRef> dangling = examples.stream()
                .map(d -> BuiltinRelations.relationsOf(EntityNormalizer.normalize(d.entity())))
                .peek(result -> assertThat(result.problems()).isEmpty())
                .flatMap(result -> result.relations().stream())
                .flatMap(edge -> List.of(edge.source(), edge.target()).stream())
                .filter(ref -> !present.contains(ref))
                .collect(Collectors.toSet());

        assertThat(dangling).containsExactly(new EntityRef("Group", "default", "guest"));
        assertThat(relationsOf("Component", "playback-order"))
                .contains("component:default/playback-order ownedBy group:default/guest");
    }

    @Test
    void noCorpusDocumentHasAReferenceProblem() {
        for (Document document : documents) {
            BuiltinRelations.Result result = BuiltinRelations.relationsOf(EntityNormalizer.normalize(document.entity()));

            assertThat(result.problems()).as(document.toString()).isEmpty();
        }
    }

    private static List<String> relationsOf(String kind, String name) {
        Document document = documents.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name))
                .findFirst().orElseThrow();
        return BuiltinRelations.relationsOf(EntityNormalizer.normalize(document.entity())).relations().stream()
                .map(RelationEdge::toString).toList();
    }

    private static String namespaceOf(Document document) {
        Object metadata = EntityNormalizer.normalize(document.entity()).get("metadata");
        return (String) ((Map<?, ?>) metadata).get("namespace");
    }
}
