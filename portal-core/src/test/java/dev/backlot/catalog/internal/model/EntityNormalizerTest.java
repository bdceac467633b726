package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.metadata;
import static dev.backlot.catalog.internal.model.Entities.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntityNormalizerTest {

    @Test
    void missingNamespaceBecomesDefault() {
        Map<String, Object> normalized = EntityNormalizer.normalize(component());

        assertThat(metadata(normalized)).containsEntry("namespace", "default");
    }

    @Test
    void givenNamespaceIsKept() {
        Map<String, Object> entity = component();
        metadata(entity).put("namespace", "payments");

        assertThat(metadata(EntityNormalizer.normalize(entity))).containsEntry("namespace", "payments");
    }

    @Test
    void referenceListsAreSortedSoReorderingIsNotAChange() {
        Map<String, Object> a = component();
        spec(a).put("providesApis", List.of("b-api", "a-api"));
        spec(a).put("dependsOn", List.of("resource:z", "component:y"));
        Map<String, Object> b = component();
        spec(b).put("providesApis", List.of("a-api", "b-api"));
        spec(b).put("dependsOn", List.of("component:y", "resource:z"));

        assertThat(EntityNormalizer.normalize(a)).isEqualTo(EntityNormalizer.normalize(b));
        assertThat(spec(EntityNormalizer.normalize(a))).containsEntry("providesApis", List.of("a-api", "b-api"));
    }

    @Test
    void otherListsKeepTheirOrder() {
        Map<String, Object> entity = component();
        metadata(entity).put("tags", List.of("zeta", "alpha"));

        assertThat(metadata(EntityNormalizer.normalize(entity))).containsEntry("tags", List.of("zeta", "alpha"));
    }

    @Test
    void inputIsNeverModified() {
        Map<String, Object> entity = component();
        List<Object> consumes = new ArrayList<>(List.of("z-api", "a-api"));
        spec(entity).put("consumesApis", consumes);
        Map<String, Object> before = EntityNormalizer.normalize(entity);

        Map<String, Object> normalized = EntityNormalizer.normalize(entity);
        spec(normalized).put("owner", "someone-else");

        assertThat(metadata(entity)).doesNotContainKey("namespace");
        assertThat(consumes).containsExactly("z-api", "a-api");
        assertThat(spec(entity)).containsEntry("owner", "team-a");
        assertThat(normalized).isNotEqualTo(before);
    }

    @Test
    void listsWithNonStringsAreCopiedUnsortedForValidationToReport() {
        Map<String, Object> entity = component();
        spec(entity).put("dependsOn", List.of("resource:z", 1));

        assertThat(spec(EntityNormalizer.normalize(entity))).containsEntry("dependsOn", List.of("resource:z", 1));
    }
}
