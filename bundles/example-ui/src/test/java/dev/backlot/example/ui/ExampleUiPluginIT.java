package dev.backlot.example.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.testing.PluginTestHost;
import dev.backlot.spi.ui.UiContribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged example-ui bundle in the portal's real plugin host: one contribution per slot, each
 * with a fragment and (for the tab) a stylesheet the portal can read from the bundle, and models
 * built from the context the portal passes.
 */
class ExampleUiPluginIT {

    @TempDir
    Path work;
    private PluginTestHost host;
    private final Path bundle = Path.of(System.getProperty("bundle.jar", "target/example-ui.jar"));

    @BeforeEach
    void startHost() throws Exception {
        host = PluginTestHost.start(work);
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void registersOneContributionPerSlotWithItsFragmentInsideTheBundle() throws IOException {
        PluginInfo info = host.install(bundle).orElseThrow();

        assertThat(info.state()).isEqualTo("ACTIVE");
        List<Extension<UiContribution>> contributions = host.extensions().extensions(UiContribution.class);
        Map<String, String> idBySlot = contributions.stream()
                .collect(Collectors.toMap(e -> e.service().slot(), e -> e.service().id()));
        assertThat(idBySlot).containsExactlyInAnyOrderEntriesOf(Map.of(UiContribution.ENTITY_TAB, "readiness",
                UiContribution.ENTITY_CARD, "links", UiContribution.HOME_CARD, "deploy-window",
                UiContribution.NAV_PAGE, "readiness"));
        for (Extension<UiContribution> e : contributions) {
            assertThat(host.extensions().entry(e.bundleId(), e.service().fragment()))
                    .as("fragment of %s", e.service().id()).isPresent();
        }
        long bundleId = contributions.get(0).bundleId();
        try (InputStream css = host.extensions().entry(bundleId, "/static/example-ui.css").orElseThrow().openStream()) {
            assertThat(new String(css.readAllBytes(), StandardCharsets.UTF_8)).contains(".exui-score");
        }
    }

    @Test
    void readinessTabIsForComponentsOnlyAndTheLinksCardIsForEveryKind() {
        host.install(bundle);

        assertThat(contribution(UiContribution.ENTITY_TAB).kinds()).containsExactly("Component");
        assertThat(contribution(UiContribution.ENTITY_CARD).kinds()).isEmpty();
        // the card is ranked above unranked contributions
        assertThat(host.extensions().extensions(UiContribution.class).get(0).service().slot())
                .isEqualTo(UiContribution.ENTITY_CARD);
    }

    @Test
    void modelsAreBuiltFromThePortalsContext() {
        host.install(bundle);
        Entity entity = new Entity("backstage.io/v1alpha1", "Component",
                Map.of("name", "payments", "description", "Takes money",
                        "links", List.of(Map.of("url", "https://wiki.example.com/runbook", "title", "Runbook"))),
                Map.of("type", "service", "owner", "payments", "lifecycle", "production"), List.of());
        Map<String, Object> context = Map.of(UiContribution.CONTEXT_SLOT, UiContribution.ENTITY_TAB,
                UiContribution.CONTEXT_ENTITY, entity, UiContribution.CONTEXT_USER, "ada");

        Object scorecard = contribution(UiContribution.ENTITY_TAB).model(context);
        Object links = contribution(UiContribution.ENTITY_CARD).model(context);
        Object window = contribution(UiContribution.HOME_CARD).model(context);

        // the bundle's own classes (a different class loader from the test's): read them as the page does, by name
        assertThat(scorecard.getClass().getName()).isEqualTo(Scorecard.class.getName());
        assertThat(scorecard.toString()).isNotNull();
        assertThat(invoke(scorecard, "score")).isEqualTo(57); // owner, description, lifecycle and runbook: 4 of 7
        assertThat(invoke(links, "nothingToShow")).isEqualTo(false);
        assertThat(invoke(window, "greeting")).isEqualTo("Hello, ada");
    }

    private UiContribution contribution(String slot) {
        return host.extensions().services(UiContribution.class).stream().filter(c -> c.slot().equals(slot)).findFirst()
                .orElseThrow();
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
