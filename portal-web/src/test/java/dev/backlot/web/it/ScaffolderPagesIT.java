package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The template pages in headless Chromium on the real {@code portal.jar}: the cards, the wizard
 * (validation beside the field, the owner picker's autocomplete from the catalog, the repository
 * picker, the review without secrets) and the task page, whose log streams in without reloading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaffolderPagesIT {

    private static final String PASSWORD = "scaffolder-pages-admin-password";
    private final Path work = Path.of("target", "scaffolder-pages-it").toAbsolutePath();
    private RunningPortal portal;
    private Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        RunningPortal.deleteTree(work);
        Path repos = Files.createDirectories(work.resolve("repos/slow"));
        Files.writeString(repos.resolve("catalog-info.yaml"), """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata:
                  name: slow-steps
                  title: Slow steps
                  tags: [test]
                spec:
                  owner: team-a
                  type: test
                  parameters:
                    - title: Secret
                      properties:
                        token: {title: Token, type: string, ui:widget: password}
                  steps:
                    - {id: first, name: First wait, action: 'debug:wait', input: {seconds: 2}}
                    - {id: say, name: Say, action: 'debug:log', input: {message: streamed line}}
                    - {id: second, name: Second wait, action: 'debug:wait', input: {seconds: 4}}
                """);
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_ADMIN_PASSWORD", PASSWORD,
                "PORTAL_CATALOG_LOCATIONS", "file:" + work.resolve("repos")));
        browser = new Browser(work.resolve("chromium"));
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        awaitEntity("template/default/java-service");
        awaitEntity("template/default/slow-steps");
        awaitEntity("group/default/platform");
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
    @Order(1)
    void templatesAreCardsFilteredFromTheUrl() throws Exception {
        browser.open(portal.url("/create"));
        assertThat(browser.find(".bl-template-cards").getText()).contains("Java service", "Slow steps");
        browser.open(portal.url("/create?tag=java"));
        assertThat(browser.find(".bl-template-cards").getText()).contains("Java service").doesNotContain("Slow steps");
        browser.open(portal.url("/create?q=nothing-like-this"));
        assertThat(browser.find(".bl-empty").getText()).contains("No template matches");
        browser.screenshot(work.resolve("create.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theWizardValidatesBesideTheFieldPicksFromTheCatalogAndRunsTheTemplate() throws Exception {
        browser.open(portal.url("/create?tag=java"));
        browser.clickAndWaitForUrl("choose-java-service", "/create/templates/default/java-service");

        browser.type("wizardForm:f_name", "Not A Name");
        browser.find("[id='wizardForm:wizard_next']").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wizardForm:f_name_error"), "pattern"));
        assertThat(browser.find("[id='wizardForm:f_owner_error']").getText()).contains("required");

        browser.type("wizardForm:f_name", "web-orders");
        browser.type("wizardForm:f_owner_input", "plat");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
        browser.driver.findElements(By.cssSelector(".ui-autocomplete-item")).stream()
                .filter(e -> e.getText().contains("group:default/platform")).findFirst().orElseThrow().click();
        browser.find("[id='wizardForm:wizard_next']").click();

        browser.type("wizardForm:f_repoUrl_owner", "web");
        browser.type("wizardForm:f_repoUrl_repo", "orders");
        browser.find("[id='wizardForm:wizard_next']").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviewTable"), "local?owner=web&repo=orders"));
        assertThat(browser.find("#reviewTable").getText()).contains("web-orders", "group:default/platform");
        browser.screenshot(work.resolve("review.png"));

        browser.clickAndWaitForUrl("wizardForm:create", "/create/tasks/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskStatus"), "completed"));
        assertThat(browser.find("#taskLog").getText()).contains("Pushed main");
        assertThat(browser.find("#taskLinks").getText()).contains("Repository", "Open in catalog");
        browser.screenshot(work.resolve("task.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void theTaskLogStreamsWithoutReloadingAndSecretsStayOutOfTheReview() throws Exception {
        browser.open(portal.url("/create/templates/default/slow-steps"));
        browser.type("wizardForm:f_token", "hidden-value-42");
        browser.find("[id='wizardForm:wizard_next']").click();
        // the review step (its table has no row here: the only field is a secret)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizardForm:create")));
        assertThat(browser.driver.getPageSource()).doesNotContain("hidden-value-42");

        browser.clickAndWaitForUrl("wizardForm:create", "/create/tasks/");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("hidden-value-42");
        ((JavascriptExecutor) browser.driver).executeScript("window.blMarker = 'same page';");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskLog"), "streamed line"));
        // the line arrived through the event stream: the page that was loaded before it is still there
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.blMarker")).isEqualTo("same page");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskStatus"), "completed"));
        assertThat(browser.find("#taskSteps").getText()).contains("First wait", "Second wait");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void myTasksListsTheRuns() throws Exception {
        browser.open(portal.url("/create/tasks"));
        assertThat(browser.find("#tasks").getText()).contains("template:default/java-service", "template:default/slow-steps");
        assertThat(browser.javascriptErrors()).isEmpty();
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
