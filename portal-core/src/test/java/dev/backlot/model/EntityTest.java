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

        assertThat((Map<?, ?>) annotated.metadata().get("annotations")).containsExactly(Map.entry("a/b", "1"),
                Map.entry("c/d", "2"));
        assertThat((Map<?, ?>) entity.metadata().get("annotations")).containsOnlyKeys("a/b");
        assertThat(annotated.spec()).isEqualTo(entity.spec());
        assertThat(annotated.ref()).isEqualTo(entity.ref());
    }

    @Test
    void withAnnotationCreatesTheAnnotationsWhenMissing() {
        Entity bare = new Entity("backstage.io/v1alpha1", "Group", Map.of("name", "team-a"), null, null);

        assertThat((Map<?, ?>) bare.withAnnotation("x/y", "z").metadata().get("annotations")).containsExactly(Map.entry("x/y", "z"));
    }
}
