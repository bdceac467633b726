package dev.backlot.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityPipelineLimitsTest {

    private static Map<String, Object> component(String description) {
        return Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
                "metadata", Map.of("name", "big", "description", description),
                "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team-a"));
    }

    @Test
    void anEntityOverTheSizeLimitIsAProcessingErrorAndIsNotStored() {
        EntityPipeline pipeline = new EntityPipeline(null, 1_000, 4_096);

        EntityPipeline.Outcome outcome = pipeline.process(component("x".repeat(5_000)), "file:/repo/catalog-info.yaml");

        assertThat(outcome.entity()).isNull();
        assertThat(outcome.errors()).singleElement().satisfies(e -> {
            assertThat(e.entityRef()).isEqualToIgnoringCase("component:default/big");
            assertThat(e.message()).contains("over the limit of 4096 (PORTAL_CATALOG_MAX_ENTITY_BYTES)");
        });
    }

    @Test
    void anEntityWithinTheLimitIsStored() {
        EntityPipeline pipeline = new EntityPipeline(null, 1_000, 4_096);

        assertThat(pipeline.process(component("small"), "file:/repo/catalog-info.yaml").entity()).isNotNull();
    }

    @Test
    void aJavascriptLinkIsStoredWithAWarning() {
        Map<String, Object> raw = Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
                "metadata", Map.of("name", "x", "links", java.util.List.of(
                        Map.of("url", "https://ok.example.com"), Map.of("url", "javascript:alert(document.domain)"))),
                "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team-a"));

        EntityPipeline.Outcome outcome = new EntityPipeline(null, 1_000, 1_000_000).process(raw, "file:/r/c.yaml");

        assertThat(outcome.entity()).isNotNull();
        assertThat(outcome.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("metadata.links[1].url has the scheme 'javascript'").contains("shown as text"));
    }
}
