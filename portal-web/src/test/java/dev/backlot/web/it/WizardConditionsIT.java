package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wizard's conditions and nested objects in headless Chromium on the real {@code portal.jar}:
 * a field a {@code oneOf} dependency brings appears once its value is chosen and goes when it
 * changes (its value then left out of the task), an {@code allOf}/{@code if}/{@code then} field
 * follows a checkbox, a top-level {@code oneOf}'s selector swaps the alternatives' fields, and a
 * nested object's fields arrive as a nested object in the task's parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WizardConditionsIT {

    private static final String PASSWORD = "wizard-conditions-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path work = Path.of("target", "wizard-conditions-it").toAbsolutePath();
    private RunningPortal portal;
    private Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        RunningPortal.deleteTree(work);
        Path repos = Files.createDirectories(work.resolve("repos/conditional"));
        Files.writeString(repos.resolve("catalog-info.yaml"), """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata:
                  name: conditional-form
                  title: Conditional form
                spec:
                  owner: team-a
                  type: test
                  parameters:
                    - title: Service
                      required: [name]
                      properties:
                        name: {title: Name, type: string}
                        database: {title: Database, type: string, enum: [postgres, none]}
                        docs: {title: Docs, type: boolean}
                        deploy:
                          title: Deployment
                          description: Where it runs
                          type: object
                          required: [region]
                          properties:
                            region: {title: Region, type: string}
                            replicas: {title: Replicas, type: integer}
                      dependencies:
                        database:
                          oneOf:
                            - properties:
                                database: {enum: [postgres]}
                                dbHost: {title: Database host, type: string}
                              required: [dbHost]
                            - properties:
                                database: {enum: [none]}
                      allOf:
                        - if: {properties: {docs: {const: true}}}
                          then:
                            properties:
                              docsPath: {title: Docs path, type: string}
                            required: [docsPath]
                    - title: Source
                      properties:
                        label: {title: Label, type: string}
                      oneOf:
                        - title: From a URL
                          properties: {sourceUrl: {title: Source URL, type: string}}
                          required: [sourceUrl]
                        - title: From a path
                          properties: {sourcePath: {title: Source path, type: string}}
                          required: [sourcePath]
                  steps:
                    - {id: log, name: Log, action: 'debug:log', input: {message: 'made ${{ parameters.name }}'}}
                """);
        Path pages = Files.createDirectories(work.resolve("repos/pages"));
        // Backstage's conditional-parameters-demo (page-level if), its output block left out
        Files.writeString(pages.resolve("catalog-info.yaml"), """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata:
                  name: conditional-parameters-demo
                  title: Conditional Parameters Demo
                  description: Demonstrates conditional if on parameter steps to show or hide wizard pages based on earlier answers
                spec:
                  owner: backstage/techdocs-core
                  type: service

                  parameters:
                    - title: Choose Cloud Provider
                      required:
                        - name
                        - cloudProvider
                      properties:
                        name:
                          title: Component Name
                          type: string
                          description: Name of the component to create
                          ui:autofocus: true
                        cloudProvider:
                          title: Cloud Provider
                          type: string
                          enum:
                            - AWS
                            - GCP
                            - Azure
                          description: Select the cloud provider for deployment

                    - title: AWS Configuration
                      if: ${{ parameters.cloudProvider === 'AWS' }}
                      required:
                        - awsRegion
                      properties:
                        awsRegion:
                          title: AWS Region
                          type: string
                          enum:
                            - us-east-1
                            - us-west-2
                            - eu-west-1
                            - ap-southeast-1
                          description: The AWS region to deploy to
                        awsAccountId:
                          title: AWS Account ID
                          type: string
                          description: The AWS account ID (optional)

                    - title: GCP Configuration
                      if: ${{ parameters.cloudProvider === 'GCP' }}
                      required:
                        - gcpProjectId
                      properties:
                        gcpProjectId:
                          title: GCP Project ID
                          type: string
                          description: The GCP project to deploy to
                        gcpRegion:
                          title: GCP Region
                          type: string
                          enum:
                            - us-central1
                            - europe-west1
                            - asia-east1
                          default: us-central1

                    - title: Azure Configuration
                      if: ${{ parameters.cloudProvider === 'Azure' }}
                      required:
                        - azureSubscriptionId
                      properties:
                        azureSubscriptionId:
                          title: Azure Subscription ID
                          type: string
                          description: The Azure subscription to deploy to
                        azureRegion:
                          title: Azure Region
                          type: string
                          enum:
                            - eastus
                            - westeurope
                            - southeastasia
                          default: eastus

                    - title: Advanced Options
                      properties:
                        enableMonitoring:
                          title: Enable Monitoring
                          type: boolean
                          default: false
                          description: Set up monitoring dashboards

                    - title: Monitoring Configuration
                      if: ${{ parameters.enableMonitoring }}
                      properties:
                        alertEmail:
                          title: Alert Email
                          type: string
                          format: email
                          description: Email address for monitoring alerts
                        alertThreshold:
                          title: Alert Threshold (%)
                          type: integer
                          minimum: 50
                          maximum: 100
                          default: 90

                  steps:
                    - id: log
                      name: Log
                      action: debug:log
                      input:
                        message: |
                          Creating ${{ parameters.name }} on ${{ parameters.cloudProvider }}.
                          Monitoring enabled: ${{ parameters.enableMonitoring }}

                """);
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_ADMIN_PASSWORD", PASSWORD,
                "PORTAL_CATALOG_LOCATIONS", "file:" + work.resolve("repos")));
        browser = new Browser(work.resolve("chromium"));
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        awaitEntity("template/default/conditional-form");
        awaitEntity("template/default/conditional-parameters-demo");
        browser.signIn(portal.url("/login"), "admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void dependentAndIfThenFieldsFollowTheirControllingValuesAndNestedValuesArriveNested() throws Exception {
        browser.open(portal.url("/create/templates/default/conditional-form"));
        assertThat(present("wizardForm:f_dbHost")).isFalse();
        assertThat(present("wizardForm:f_docsPath")).isFalse();
        assertThat(browser.find("fieldset.bl-form-group").getText()).contains("Deployment", "Where it runs", "Region");

        // the oneOf dependency: choosing postgres brings the host field, required
        choose("wizardForm:f_database", "postgres");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_dbHost")));
        browser.type("wizardForm:f_name", "orders");
        browser.find("[id='wizardForm:wizard_next']").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wizardForm:f_dbHost_error"), "required"));
        assertThat(browser.find("[id='wizardForm:f_deploy-region_error']").getText()).contains("required");
        browser.type("wizardForm:f_dbHost", "db.internal");

        // choosing none takes it away again
        choose("wizardForm:f_database", "none");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("wizardForm:f_dbHost")));
        assertThat(present("wizardForm:f_dbHost")).isFalse();

        // the if/then: the checkbox brings the docs path and takes it away
        browser.click(browser.find("[id='wizardForm:f_docs'] .ui-chkbox-box"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_docsPath")));
        browser.click(browser.find("[id='wizardForm:f_docs'] .ui-chkbox-box"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("wizardForm:f_docsPath")));
        browser.click(browser.find("[id='wizardForm:f_docs'] .ui-chkbox-box"));
        browser.type("wizardForm:f_docsPath", "docs/");

        browser.type("wizardForm:f_deploy-region", "eu-west");
        browser.type("wizardForm:f_deploy-replicas", "3");
        browser.find("[id='wizardForm:wizard_next']").click();

        // top-level oneOf: a selector, the first alternative's field until the other is chosen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_sourceUrl")));
        assertThat(present("wizardForm:f_sourcePath")).isFalse();
        browser.type("wizardForm:f_sourceUrl", "https://example.com/src");
        browser.click(browser.driver.findElements(By.cssSelector("[id='wizardForm:f__7e_alt1'] .ui-radiobutton-box")).get(1));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_sourcePath")));
        assertThat(present("wizardForm:f_sourceUrl")).isFalse();
        browser.type("wizardForm:f_sourcePath", "/srv/src");
        browser.find("[id='wizardForm:wizard_next']").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:create")));
        String review = browser.find("#reviewTable").getText();
        assertThat(review).contains("Deployment \u203a Region eu-west", "Docs path docs/", "Source path /srv/src")
                .doesNotContain("db.internal", "example.com", "Choose one");
        browser.screenshot(work.resolve("review.png"));

        browser.clickAndWaitForUrl("wizardForm:create", "/create/tasks/");
        String id = browser.driver.getCurrentUrl().replaceFirst(".*/create/tasks/", "").replaceFirst("[?#].*", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) JSON.readValue(portal.get("/api/scaffolder/v2/tasks/" + id).body(), Map.class)
                .get("spec");
        assertThat(spec.get("parameters")).isEqualTo(Map.of("name", "orders", "database", "none", "docs", true,
                "docsPath", "docs/", "deploy", Map.of("region", "eu-west", "replicas", 3), "sourcePath", "/srv/src"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    void pagesWhoseIfDoesNotHoldAreSkippedAndTheirValuesLeftOut() throws Exception {
        browser.open(portal.url("/create/templates/default/conditional-parameters-demo"));
        browser.type("wizardForm:f_name", "shop");
        choose("wizardForm:f_cloudProvider", "GCP");
        browser.find("[id='wizardForm:wizard_next']").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_gcpProjectId")));
        assertThat(present("wizardForm:f_awsRegion")).isFalse();
        List<String> titles = browser.driver.findElements(By.cssSelector(".ui-wizard-step-titles li.ui-wizard-step-title"))
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertThat(titles).containsExactly("Choose Cloud Provider", "GCP Configuration", "Advanced Options", "Review");
        browser.type("wizardForm:f_gcpProjectId", "shop-1");
        browser.find("[id='wizardForm:wizard_next']").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:f_enableMonitoring")));
        browser.find("[id='wizardForm:wizard_next']").click();

        // monitoring is off: its page is skipped, straight to the review
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:create")));
        assertThat(browser.find("#reviewTable").getText()).contains("shop-1").doesNotContain("AWS Region", "Alert");

        browser.clickAndWaitForUrl("wizardForm:create", "/create/tasks/");
        String id = browser.driver.getCurrentUrl().replaceFirst(".*/create/tasks/", "").replaceFirst("[?#].*", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) JSON.readValue(portal.get("/api/scaffolder/v2/tasks/" + id).body(), Map.class)
                .get("spec");
        assertThat(spec.get("parameters")).isEqualTo(Map.of("name", "shop", "cloudProvider", "GCP",
                "gcpProjectId", "shop-1", "gcpRegion", "us-central1", "enableMonitoring", false));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    /**
     * Picks an option of a PrimeFaces select menu by its label: opens the menu, then clicks the
     * option once it can take the click (the panel fades in, and a panel re-rendered by an earlier
     * change may still be on its way out).
     */
    private void choose(String menuId, String label) {
        browser.click(browser.find("[id='" + menuId + "']"));
        By option = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(ElementNotInteractableException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement shown = d.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
                    if (shown == null) {
                        return false;
                    }
                    shown.click();
                    return true;
                });
    }

    private boolean present(String id) {
        return !browser.driver.findElements(By.id(id)).isEmpty();
    }

    private void awaitEntity(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (portal.get("/api/catalog/entities/by-name/" + path).statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not appear within 60 s; see " + portal.log);
    }
}
