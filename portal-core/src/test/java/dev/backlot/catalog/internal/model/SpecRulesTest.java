package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.envelope;
import static dev.backlot.catalog.internal.model.Entities.map;
import static dev.backlot.catalog.internal.model.Entities.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SpecRulesTest {

    private static List<String> validate(String kind, Map<String, Object> spec) {
        Map<String, Object> entity = envelope(kind, "x");
        entity.put("spec", spec);
        return EntityRules.validate(entity);
    }

    @Test
    void componentNeedsTypeLifecycleAndOwner() {
        assertThat(validate("Component", map("type", "service"))).containsExactly(
                "spec.lifecycle is missing: a Component needs it (a non-empty string)",
                "spec.owner is missing: a Component needs it (a non-empty string)");
    }

    @Test
    void builtinKindWithoutSpecIsRejected() {
        Map<String, Object> entity = component();
        entity.remove("spec");

        assertThat(EntityRules.validate(entity))
                .containsExactly("spec is missing: every Component needs a spec with type, lifecycle, owner");
    }

    @Test
    void componentReferenceListsMustHoldStrings() {
        Map<String, Object> entity = component();
        spec(entity).put("providesApis", List.of("petstore", 7));
        spec(entity).put("dependsOn", "resource:db");

        assertThat(EntityRules.validate(entity)).containsExactly(
                "spec.providesApis[1] 7 is invalid: must be a non-empty string",
                "spec.dependsOn \"resource:db\" is invalid: must be a list of non-empty strings");
    }

    @Test
    void apiNeedsAStringDefinition() {
        Map<String, Object> api = map("type", "openapi", "lifecycle", "production", "owner", "team-a");
        assertThat(validate("API", api)).containsExactly("spec.definition is missing: an API needs it (a non-empty string)");

        api.put("definition", map("$text", "./petstore.yaml"));
        assertThat(validate("API", api)).containsExactly("spec.definition (an object) is invalid: must be a non-empty "
                + "string; a {$text|$json|$yaml} placeholder must be resolved before validation");

        api.put("definition", "openapi: 3.0.0");
        assertThat(validate("API", api)).isEmpty();
    }

    @Test
    void mcpServerApiNeedsRemotesInsteadOfADefinition() {
        Map<String, Object> api = map("type", "mcp-server", "lifecycle", "production", "owner", "team-a");
        assertThat(validate("API", api)).singleElement().asString().startsWith("spec.remotes is missing");

        api.put("remotes", List.of(map("type", "streamable-http", "url", "https://mcp.example.com")));
        assertThat(validate("API", api)).isEmpty();

        api.put("remotes", List.of(map("type", "sse")));
        assertThat(validate("API", api)).containsExactly("spec.remotes[0].url null is invalid: must be a non-empty string");
    }

    @Test
    void resourceSystemAndDomainNeedAnOwner() {
        assertThat(validate("Resource", map("type", "database"))).containsExactly(
                "spec.owner is missing: a Resource needs it (a non-empty string)");
        assertThat(validate("System", map())).containsExactly("spec.owner is missing: a System needs it (a non-empty string)");
        assertThat(validate("Domain", map("owner", "team-a", "subdomainOf", ""))).containsExactly(
                "spec.subdomainOf \"\" is invalid: must be a non-empty string");
    }

    @Test
    void groupNeedsTypeAndAChildrenListThatMayBeEmpty() {
        assertThat(validate("Group", map("type", "team", "children", List.of()))).isEmpty();
        assertThat(validate("Group", map("type", "team"))).containsExactly(
                "spec.children is missing: a Group needs it (a list of non-empty strings, which may be empty)");
        assertThat(validate("Group", map("type", "team", "children", List.of(), "profile", map("email", 3))))
                .containsExactly("spec.profile.email 3 is invalid: must be a non-empty string");
    }

    @Test
    void userNeedsAMemberOfListThatMayBeEmpty() {
        assertThat(validate("User", map("memberOf", List.of()))).isEmpty();
        assertThat(validate("User", map())).singleElement().asString().startsWith("spec.memberOf is missing");
        assertThat(validate("User", map("memberOf", "team-a"))).containsExactly(
                "spec.memberOf \"team-a\" is invalid: must be a list of non-empty strings");
    }

    @Test
    void locationNeedsTargetOrTargets() {
        assertThat(validate("Location", map("target", "./a.yaml"))).isEmpty();
        assertThat(validate("Location", map("targets", List.of("./a.yaml")))).isEmpty();
        assertThat(validate("Location", map("type", "url")))
                .containsExactly("spec.target is missing: a Location needs target or targets");
        assertThat(validate("Location", map("target", "./a.yaml", "presence", "sometimes")))
                .containsExactly("spec.presence \"sometimes\" is invalid: must be required or optional");
    }

    @Test
    void templateNeedsTypeAndAListOfStepsWithActions() {
        assertThat(validate("Template", map("type", "service", "steps", List.of(map("id", "f", "action", "fetch:plain")))))
                .isEmpty();
        assertThat(validate("Template", map("type", "service"))).containsExactly(
                "spec.steps is missing: a Template needs it (a list)");
        assertThat(validate("Template", map("type", "service", "steps", List.of(map("id", "f")))))
                .containsExactly("spec.steps[0].action is missing: every step names the action it runs");
        assertThat(validate("Template", map("type", "service", "steps", List.of(), "parameters", "x")))
                .containsExactly("spec.parameters \"x\" is invalid: must be an object or a list of objects");
    }

    @Test
    void unknownSpecFieldsAreAllowed() {
        Map<String, Object> entity = component();
        spec(entity).put("customThing", map("nested", List.of(true)));

        assertThat(EntityRules.validate(entity)).isEmpty();
    }
}
