package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvelopeRulesTest {

    @Test
    void wellFormedComponentIsValid() {
        assertThat(EntityRules.validate(component())).isEmpty();
    }

    @Test
    void foreignRootFieldIsRejected() {
        Map<String, Object> entity = component();
        entity.put("owner", "team-a");

        assertThat(EntityRules.validate(entity)).containsExactly(
                "root field \"owner\" is invalid: an entity has only apiVersion, kind, metadata, spec, relations and status");
    }

    @Test
    void serverWrittenRelationsAndStatusAreAllowed() {
        Map<String, Object> entity = component();
        entity.put("relations", List.of(Map.of("type", "ownedBy", "targetRef", "group:default/team-a")));
        entity.put("status", Map.of("items", List.of()));

        assertThat(EntityRules.validate(entity)).isEmpty();
    }

    @Test
    void relationWithNonWordTypeIsRejected() {
        Map<String, Object> entity = component();
        entity.put("relations", List.of(Map.of("type", "owned by", "targetRef", "group:default/team-a")));

        assertThat(EntityRules.validate(entity)).containsExactly(
                "relations[0].type \"owned by\" is invalid: must be a word such as ownedBy");
    }

    @Test
    void missingEnvelopeFieldsAreEachReported() {
        assertThat(EntityRules.validate(Map.of())).hasSize(3)
                .anyMatch(p -> p.startsWith("apiVersion is missing"))
                .anyMatch(p -> p.startsWith("kind is missing"))
                .anyMatch(p -> p.startsWith("metadata is missing"));
    }

    @Test
    void malformedApiVersionIsRejectedWithTheRule() {
        Map<String, Object> entity = component();
        entity.put("apiVersion", "backstage.io/v1/alpha");

        assertThat(EntityRules.validate(entity)).containsExactly("apiVersion \"backstage.io/v1/alpha\" is invalid: "
                + "an optional DNS-subdomain prefix and '/', then 1-63 letters or digits, as in backstage.io/v1alpha1");
    }

    @Test
    void builtinKindInAForeignApiVersionIsRejected() {
        Map<String, Object> entity = component();
        entity.put("apiVersion", BuiltinKinds.SCAFFOLDER_V1BETA3);

        assertThat(EntityRules.validate(entity)).containsExactly("apiVersion \"scaffolder.backstage.io/v1beta3\" "
                + "is invalid: kind Component is written in backstage.io/v1alpha1 or backstage.io/v1beta1");
    }

    @Test
    void v1beta1IsAcceptedForBuiltinKinds() {
        Map<String, Object> entity = component();
        entity.put("apiVersion", BuiltinKinds.V1BETA1);

        assertThat(EntityRules.validate(entity)).isEmpty();
    }

    @Test
    void templateNeedsTheScaffolderApiVersion() {
        Map<String, Object> template = envelope("Template", "t");
        template.put("apiVersion", BuiltinKinds.V1ALPHA1);
        template.put("spec", Map.of("type", "service", "steps", List.of()));

        assertThat(EntityRules.validate(template)).singleElement().asString()
                .contains("kind Template is written in scaffolder.backstage.io/v1beta3");
    }

    @Test
    void unknownKindIsRejected() {
        Map<String, Object> entity = envelope("Widget", "w");

        assertThat(EntityRules.validate(entity)).singleElement().asString()
                .startsWith("kind \"Widget\" is invalid: unknown kind; the known kinds are AiResource, API, Component");
    }

    @Test
    void kindOfBadFormatIsRejectedWithTheRule() {
        Map<String, Object> entity = component();
        entity.put("kind", "1Component");

        assertThat(EntityRules.validate(entity))
                .containsExactly("kind \"1Component\" is invalid: 1-63 letters or digits, starting with a letter");
    }

    @Test
    void builtinKindInTheWrongCaseIsRejectedLikeBackstage() {
        Map<String, Object> entity = component();
        entity.put("kind", "component");

        assertThat(EntityRules.validate(entity))
                .containsExactly("kind \"component\" is invalid: the built-in kind is spelled Component");
    }

    @Test
    void canonicalKindIgnoresCase() {
        assertThat(BuiltinKinds.canonicalKind("api")).isEqualTo("API");
        assertThat(BuiltinKinds.canonicalKind("component")).isEqualTo("Component");
        assertThat(BuiltinKinds.canonicalKind("Widget")).isNull();
        assertThat(BuiltinKinds.canonicalKind(null)).isNull();
        assertThat(BuiltinKinds.NAMES).contains("API", "Template", "Location").hasSize(10);
    }
}
