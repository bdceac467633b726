package dev.backlot.example.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    @Test
    void bareComponentFailsEveryApplicableCheck() {
        Scorecard card = new Scorecard(component(Map.of("name", "bare"), Map.of("type", "library")));

        assertThat(card.score()).isZero();
        assertThat(card.grade()).isEqualTo("not ready");
        assertThat(card.gradeClass()).isEqualTo("exui-grade-not-ready");
        // the API check applies to services only
        assertThat(card.applicable()).isEqualTo(ReadinessCheck.ALL.size() - 1);
    }

    @Test
    void fullyDescribedServicePassesEveryCheck() {
        Scorecard card = new Scorecard(component(
                Map.of("name", "payments", "description", "Takes money",
                        "annotations", Map.of("backstage.io/techdocs-ref", "dir:."),
                        "links", List.of(Map.of("url", "https://wiki.example.com/payments", "title", "Runbook"))),
                Map.of("type", "service", "owner", "payments", "lifecycle", "production", "system", "shop",
                        "providesApis", List.of("payments-api"))));

        assertThat(card.score()).isEqualTo(100);
        assertThat(card.grade()).isEqualTo("ready");
        assertThat(card.rows()).allMatch(Scorecard.Row::passed);
    }

    @Test
    void serviceWithoutApisFailsOnlyThatCheck() {
        Scorecard card = new Scorecard(component(
                Map.of("name", "payments", "description", "Takes money",
                        "annotations", Map.of("backstage.io/techdocs-ref", "dir:."),
                        "links", List.of(Map.of("url", "https://wiki.example.com/runbook"))),
                Map.of("type", "service", "owner", "payments", "lifecycle", "production", "system", "shop")));

        assertThat(card.rows()).filteredOn(r -> !r.passed()).extracting(r -> r.check().id()).containsExactly("api");
        assertThat(card.grade()).isEqualTo("almost");
    }

    @Test
    void linksCardExplainsKnownAnnotationsAndLinksOnlyWebAddresses() {
        EntityLinks links = new EntityLinks(component(Map.of("name", "x",
                "annotations", Map.of("github.com/project-slug", "acme/x", "example.com/flag", "on"),
                "links", List.of(Map.of("url", "javascript:alert(1)", "title", "Bad"),
                        Map.of("url", "https://x.example.com"))), Map.of()));

        assertThat(links.annotations()).extracting(EntityLinks.Annotation::key)
                .containsExactly("example.com/flag", "github.com/project-slug");
        assertThat(links.annotations().get(1).url()).isEqualTo("https://github.com/acme/x");
        assertThat(links.annotations().get(1).meaning()).isEqualTo("Its GitHub repository");
        assertThat(links.links()).extracting(EntityLinks.Link::url).containsExactly(null, "https://x.example.com");
        assertThat(links.links().get(1).title()).isEqualTo("https://x.example.com");
    }

    private static Entity component(Map<String, Object> metadata, Map<String, Object> spec) {
        return new Entity("backstage.io/v1alpha1", "Component", metadata, spec, List.of());
    }
}
