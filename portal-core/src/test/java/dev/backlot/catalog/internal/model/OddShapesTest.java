package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.map;
import static dev.backlot.catalog.internal.model.Entities.metadata;
import static dev.backlot.catalog.internal.model.Entities.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OddShapesTest {

    @Test
    void nullEntityIsAProblemNotAnException() {
        assertThat(EntityRules.validate(null)).containsExactly(
                "entity null is invalid: must be an object with apiVersion, kind and metadata");
        assertThat(BuiltinRelations.relationsOf(null).relations()).isEmpty();
    }

    @Test
    void wrongTypesAreProblemsNeverClassCastExceptions() {
        Map<String, Object> entity = component();
        metadata(entity).put("tags", "java");
        metadata(entity).put("labels", List.of("a"));
        metadata(entity).put("links", map("url", "https://x"));
        spec(entity).put("owner", 42);
        spec(entity).put("system", null);

        assertThat(EntityRules.validate(entity)).containsExactly(
                "metadata.labels (a list of 1) is invalid: must be an object of string keys to string values",
                "metadata.tags \"java\" is invalid: must be a list of tags, each 1-63 characters of [a-z0-9:+#], "
                        + "in words joined by single '-'",
                "metadata.links (an object) is invalid: must be a list of {url, title?, icon?, type?}",
                "spec.owner 42 is invalid: must be a non-empty string",
                "spec.system null is invalid: must be a non-empty string");
    }

    @Test
    void envelopePartsOfTheWrongTypeAreReported() {
        Map<String, Object> entity = map("apiVersion", 1, "kind", List.of(), "metadata", "x", "spec", true,
                "relations", map(), "status", "ok");

        assertThat(EntityRules.validate(entity)).hasSize(6)
                .anyMatch(p -> p.startsWith("apiVersion 1 is invalid"))
                .anyMatch(p -> p.startsWith("kind (a list of 0) is invalid"))
                .anyMatch(p -> p.startsWith("metadata \"x\" is invalid"))
                .anyMatch(p -> p.startsWith("spec true is invalid"))
                .anyMatch(p -> p.startsWith("relations (an object) is invalid"))
                .anyMatch(p -> p.startsWith("status \"ok\" is invalid"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void nonStringKeysAndForeignValueTypesDoNotThrow() {
        Map raw = new HashMap();
        raw.put(7, "seven");
        raw.put("kind", "Component");
        raw.put("apiVersion", BuiltinKinds.V1ALPHA1);
        Map labels = new HashMap();
        labels.put(1, new Object());
        raw.put("metadata", new HashMap(Map.of("name", "x", "labels", labels)));
        raw.put("spec", new HashMap(Map.of("type", 'c', "lifecycle", new StringBuilder("p"), "owner",
                new ArrayList<>(Arrays.asList((Object) null)))));

        List<String> problems = EntityRules.validate(raw);

        assertThat(problems).contains("root field \"7\" is invalid: an entity has only apiVersion, kind, metadata, "
                + "spec, relations and status", "spec.type (a Character) is invalid: must be a non-empty string");
        assertThatCode(() -> BuiltinRelations.relationsOf(raw)).doesNotThrowAnyException();
        assertThatCode(() -> EntityNormalizer.normalize(raw)).doesNotThrowAnyException();
    }

    @Test
    void longValuesAreShortenedInMessages() {
        Map<String, Object> entity = component();
        metadata(entity).put("name", "x ".repeat(200));

        assertThat(EntityRules.validate(entity)).singleElement().asString().hasSizeLessThan(250).contains("...\"");
    }
}
