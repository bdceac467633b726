package dev.backlot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityTest {

    private final Entity entity = new Entity("backstage.io/v1alpha1", "Component",
            Map.of("name", "shop", "annotations", Map.of("a/b", "1")), Map.of("owner", "team-a"), List.of());

    @Test
    void withAnnotationAddsOneAndKeepsTheOthersWithoutChangingTheOriginal() {
        Entity annotated = entity.withAnnotation("c/d", "2");

        assertThat(annotations(annotated)).containsExactly(Map.entry("a/b", (Object) "1"),
                Map.entry("c/d", (Object) "2"));
        assertThat(annotations(entity)).containsOnlyKeys("a/b");
        assertThat(annotated.spec()).isEqualTo(entity.spec());
        assertThat(annotated.ref()).isEqualTo(entity.ref());
    }

    @Test
    void withAnnotationCreatesTheAnnotationsWhenMissing() {
        Entity bare = new Entity("backstage.io/v1alpha1", "Group", Map.of("name", "team-a"), null, null);

        assertThat(annotations(bare.withAnnotation("x/y", "z"))).containsExactly(Map.entry("x/y", (Object) "z"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Entity entity) {
        return (Map<String, Object>) entity.metadata().get("annotations");
    }
}
