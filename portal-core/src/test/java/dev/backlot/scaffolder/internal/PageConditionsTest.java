package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.scaffolder.TaskStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page-level {@code if:} on Backstage's own conditional-parameters-demo template (from the conformance
 * corpus in the test resources): hidden pages are not validated and their values leave the task.
 */
class PageConditionsTest {

    static final String DEMO = "/conformance/backstage/backstage/plugins/scaffolder-backend/sample-templates/conditional-parameters-demo/template.yaml";

    @TempDir
    Path dir;
    EngineFixture engine;
    String yaml;

    @BeforeEach
    void start() throws Exception {
        engine = new EngineFixture(dir);
        try (InputStream in = getClass().getResourceAsStream(DEMO)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        engine.template("conditional-parameters-demo", yaml, Map.of());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private ScaffolderTask run(Map<String, Object> values) throws Exception {
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/conditional-parameters-demo",
                values, Map.of()), "alice");
        return engine.await(task.id());
    }

    @Test
    void awsSkipsTheGcpAndAzurePagesAndTheirRequiredFields() throws Exception {
        ScaffolderTask done = run(Map.of("name", "orders", "cloudProvider", "AWS", "awsRegion", "eu-west-1",
                "enableMonitoring", false));

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.values()).containsEntry("awsRegion", "eu-west-1").doesNotContainKey("gcpProjectId");
    }

    @Test
    void theShownPagesRequiredFieldsStillApply() {
        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/conditional-parameters-demo",
                Map.of("name", "orders", "cloudProvider", "GCP"), Map.of()), "alice"))
                .isInstanceOf(ScaffolderException.class).hasMessageContaining("gcpProjectId")
                .hasMessageNotContaining("awsRegion").hasMessageNotContaining("azureSubscriptionId");
    }

    @Test
    void valuesOfHiddenPagesAreDroppedFromTheTask() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "orders");
        values.put("cloudProvider", "GCP");
        values.put("gcpProjectId", "shop-1");
        values.put("awsRegion", "us-east-1"); // left over from choosing AWS first
        values.put("awsAccountId", "1234");
        values.put("enableMonitoring", false);
        values.put("alertEmail", "not an email"); // the monitoring page is hidden: not validated

        ScaffolderTask done = run(values);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.values()).containsOnlyKeys("name", "cloudProvider", "gcpProjectId", "enableMonitoring");
    }

    @Test
    void theMonitoringPageShowsWhenMonitoringIsOn() {
        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/conditional-parameters-demo",
                Map.of("name", "orders", "cloudProvider", "AWS", "awsRegion", "us-east-1", "enableMonitoring", true,
                        "alertEmail", "not an email"), Map.of()), "alice"))
                .isInstanceOf(ScaffolderException.class).hasMessageContaining("alertEmail");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shownPagesFollowTheValuesEnteredSoFar() throws Exception {
        Map<String, Object> tree = EngineFixture.YAML.readValue(yaml, Map.class);
        List<Map<String, Object>> pages = DefaultScaffolderService.pages(((Map<String, Object>) tree.get("spec"))
                .get("parameters"));

        assertThat(engine.service.shownPages(pages, Map.of()))
                .containsExactly(true, false, false, false, true, false);
        assertThat(engine.service.shownPages(pages, Map.of("cloudProvider", "GCP", "enableMonitoring", true)))
                .containsExactly(true, false, true, false, true, true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunDropsHiddenValuesToo() throws Exception {
        Map<String, Object> template = EngineFixture.YAML.readValue(yaml, Map.class);
        DryRunResult result = engine.service.dryRun(template, Map.of("name", "orders", "cloudProvider", "Azure",
                "azureSubscriptionId", "sub-1", "awsRegion", "us-east-1"), Map.of(), List.of(), "alice");

        assertThat(result.log().toString()).contains("Creating orders on Azure");
        assertThat(result.status()).isEqualTo("completed");
    }

    @Test
    void aPageConditionThatIsNoExpressionIsRefusedNamingThePage() throws Exception {
        engine.template("broken", """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata:
                  name: broken
                spec:
                  parameters:
                    - title: First
                      properties:
                        a: {type: string}
                    - title: Second
                      if: ${{ parameters.a === }}
                      properties:
                        b: {type: string}
                  steps: []
                """, Map.of());

        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/broken", Map.of("a", "x"),
                Map.of()), "alice"))
                .isInstanceOf(ScaffolderException.class)
                .hasMessageContaining("page 'Second' (2)").hasMessageContaining("not a valid expression")
                .satisfies(e -> assertThat(((ScaffolderException) e).kind()).isEqualTo(ScaffolderException.Kind.INVALID));
    }
}
