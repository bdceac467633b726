package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The deliverable itself: {@code java -jar portal.jar} with {@code PORTAL_*} variables, as the
 * README tells a user to run it. Covers first start, sign-in in a real browser, the API token, the
 * drop-in folder, two portals side by side, and a restart on the same data folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJarIT {

    static final String TOKEN = "jar-it-token-0123456789";
    private final Path work = Path.of("target", "portal-jar-it").toAbsolutePath();
    private RunningPortal portal;
    private String adminPassword;

    @BeforeAll
    void startPortal() throws Exception {
        RunningPortal.deleteTree(work);
        portal = RunningPortal.start(work.resolve("data-a"), "portal-a.log", Map.of("PORTAL_API_TOKEN", TOKEN));
        System.out.printf("[figures] portal.jar boot to ready: %.1f s, resident memory after boot: %d MiB%n",
                portal.readyAfterMs / 1000.0, portal.residentMiB());
    }

    @AfterAll
    void stopPortal() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void firstStartPrintsTheAdminPasswordOnceAndListensOnLoopbackOnly() throws Exception {
        adminPassword = portal.printedAdminPassword();

        assertThat(adminPassword).isNotBlank().hasSizeGreaterThanOrEqualTo(20);
        assertThat(portal.get("/health/ready").body()).contains("\"status\":\"UP\"");
        assertThat(portal.listeningSockets().keySet()).isNotEmpty()
                .allMatch(address -> address.startsWith("127.0.0.1:") || address.startsWith("[::ffff:127.0.0.1]:"),
                        "bound to loopback");
    }

    @Test
    @Order(2)
    void adminSignsInInTheBrowserAndSeesHomeAndPluginList() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        try (Browser browser = new Browser(work.resolve("chromium-a"))) {
            browser.open(portal.url("/admin/plugins"));
            assertThat(browser.driver.getCurrentUrl()).contains("/login?next=");

            browser.type("login:username", "admin");
            browser.type("login:password", adminPassword);
            browser.clickAndWaitForUrl("login:signIn", "/admin/plugins");

            assertThat(browser.find("[id='plugins:table']").getText()).contains("dev.backlot.example-hello")
                    .contains("running").contains("ScaffolderAction");
            browser.screenshot(work.resolve("admin-plugins.png"));
            browser.open(portal.url("/"));
            assertThat(browser.find("#activePlugins").getText()).matches("\\d+");
            assertThat(browser.find(".bl-user-name").getText()).isEqualTo("admin");
            browser.screenshot(work.resolve("home.png"));
            assertThat(browser.find("nav.bl-sidebar").getText()).contains("Home", "Catalog", "Create", "Docs", "Search",
                    "Admin");
            assertThat(browser.javascriptErrors()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        try (Browser browser = new Browser(work.resolve("chromium-b"))) {
            browser.open(portal.url("/login"));
            browser.type("login:username", "admin");
            browser.type("login:password", "not-the-password");
            browser.clickAndWaitForText("login:signIn", "[id='login:messages']", "Wrong user name or password");
            assertThat(browser.driver.getCurrentUrl()).contains("/login");
            assertThat(browser.javascriptErrors()).isEmpty();
        }
    }

    @Test
    @Order(4)
    void apiTokenReadsThePluginListAndNothingElseDoes() throws Exception {
        assertThat(portal.get("/api/admin/plugins").statusCode()).isEqualTo(401);
        assertThat(portal.get("/api/admin/plugins", Map.of("Authorization", "Bearer wrong-token-0123456789"))
                .statusCode()).isEqualTo(401);

        var response = portal.get("/api/admin/plugins", Map.of("Authorization", "Bearer " + TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(plugins(response.body())).anySatisfy(p -> {
            assertThat(p.getString("symbolicName")).isEqualTo("dev.backlot.example-hello");
            assertThat(p.getString("state")).isEqualTo("ACTIVE");
        });
    }

    @Test
    @Order(5)
    void jarDroppedIntoThePluginsFolderIsInstalledAndRemovedWhenDeleted() throws Exception {
        Path dropped = portal.data.resolve("plugins").resolve("hello-copy.jar");
        Files.write(dropped, renamed(Path.of(System.getProperty("example.hello.jar")), "dev.backlot.hello-copy"));

        JsonObject installed = awaitPlugin("dev.backlot.hello-copy", true);
        assertThat(installed.getString("state")).isEqualTo("ACTIVE");
        assertThat(installed.getString("location")).endsWith("hello-copy.jar");

        Files.delete(dropped);
        awaitPlugin("dev.backlot.hello-copy", false);
    }

    @Test
    @Order(5)
    void catalogServesTheSampleOrganisationThroughBackstagesApi() throws Exception {
        awaitEntity("component", "payment-service");

        var byName = portal.get("/api/catalog/entities/by-name/component/default/payment-service");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).contains("\"type\":\"ownedBy\",\"targetRef\":\"group:default/payments\"")
                .contains("\"uid\"").contains("\"etag\"");
        var group = portal.get("/api/catalog/entities/by-name/group/default/payments").body();
        assertThat(group).contains("\"type\":\"ownerOf\",\"targetRef\":\"component:default/payment-service\"");
        assertThat(portal.get("/api/catalog/entities/by-name/component/default/nope").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/catalog/entity-facets?facet=kind").body()).contains("\"value\":\"Component\"");
        assertThat(portal.get("/api/catalog/processing-errors").body()).isEqualTo("{\"items\":[]}");
        // writes need a caller
        assertThat(post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"/etc\"}", null).statusCode())
                .isEqualTo(401);
        var outside = post("/api/catalog/locations", "{\"type\":\"file\",\"target\":\"/etc/passwd\"}", TOKEN);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("InputError");
    }

    @Test
    @Order(5)
    void backstagesOwnCatalogClientWorksAgainstThePortal() throws Exception {
        assumeTrue(NodeCheck.available(), "Node.js and npm are not installed: the catalog-client check is skipped");
        awaitEntity("component", "payment-service");

        JsonObject out = NodeCheck.run(work.resolve("catalog-client"), portal.url(""), TOKEN);

        assertThat(out.getJsonArray("getEntities").toString()).contains("payment-service", "checkout-web");
        assertThat(out.getString("getEntityByRef")).isEqualTo("payments");
        assertThat(out.isNull("missingEntity")).isTrue();
        assertThat(out.getJsonArray("getEntitiesByRefs").toString()).isEqualTo("[\"checkout-web\",null,\"payments\"]");
        assertThat(out.getJsonObject("queryFirst").getJsonArray("names")).hasSize(2);
        assertThat(out.getJsonObject("queryFirst").getBoolean("hasNext")).isTrue();
        assertThat(out.getJsonObject("querySecond").getJsonArray("names")).hasSize(2);
        assertThat(out.getJsonObject("querySecond").getBoolean("hasPrev")).isTrue();
        assertThat(out.getJsonObject("facets").getJsonObject("kind").getInt("Component")).isGreaterThanOrEqualTo(5);
        // predicate queries (POST by-query, POST entity-facets, by-refs with a query), as 1.16.4 sends them
        assertThat(out.getJsonObject("predicateFirst").toString())
                .isEqualTo("{\"names\":[\"backlot\",\"money-lib\"],\"total\":3,\"hasNext\":true}");
        assertThat(out.getJsonObject("predicateSecond").toString())
                .isEqualTo("{\"names\":[\"payment-service\"],\"hasNext\":false,\"hasPrev\":true}");
        assertThat(out.getJsonArray("predicateWithFilter").toString()).isEqualTo("[\"payments-api\"]");
        assertThat(out.getJsonObject("predicateStream").getJsonArray("names")).hasSize(
                out.getJsonObject("facets").getJsonObject("kind").getInt("Component"));
        assertThat(out.getJsonObject("predicateStream").getInt("pages")).isGreaterThanOrEqualTo(3);
        assertThat(out.getJsonObject("predicateFacets").toString()).isEqualTo("{\"production\":2,\"experimental\":1}");
        assertThat(out.getJsonArray("predicateByRefs").toString()).isEqualTo("[\"checkout-web\",null,\"payments-api\"]");
        assertThat(out.getInt("locations")).isGreaterThanOrEqualTo(1);
        assertThat(out.getString("locationByEntity")).isEqualTo("file");
        assertThat(out.getJsonObject("validate").getBoolean("valid")).isTrue();
        assertThat(out.getJsonObject("validate").getBoolean("invalid")).isFalse();
        assertThat(out.getBoolean("refreshed")).isTrue();
        // locations: queryLocations with a predicate and its cursor, streamLocations, updateLocation (1.16.4)
        JsonObject query = out.getJsonObject("queryLocations");
        assertThat(query.toString()).startsWith("{\"first\":2,\"second\":1,\"total\":3,\"hasNext\":false,\"inIdOrder\":true,");
        assertThat(query.getString("entityRef")).startsWith("location:default/generated-");
        assertThat(out.getJsonObject("streamLocations").toString()).isEqualTo("{\"count\":3,\"pages\":3}");
        JsonObject update = out.getJsonObject("updateLocation");
        assertThat(update.getBoolean("sameId")).isTrue();
        assertThat(update.getBoolean("target")).isTrue();
        assertThat(update.getBoolean("readBack")).isTrue();
        assertThat(update.getBoolean("newEntity")).isTrue();
        assertThat(update.getString("oldEntityOrphan")).isEqualTo("true");
        assertThat(update.getString("entityRef")).startsWith("location:default/generated-")
                .isNotEqualTo(query.getString("entityRef"));
        assertThat(out.getInt("updateConflict")).isEqualTo(409);
    }

    @Test
    @Order(6)
    void secondPortalRunsSideBySideWithItsOwnPortAndData() throws Exception {
        try (RunningPortal second = RunningPortal.start(work.resolve("data-b"), "portal-b.log",
                Map.of("PORTAL_ADMIN_PASSWORD", "second-portal-password"))) {
            assertThat(second.port).isNotEqualTo(portal.port);
            assertThat(second.printedAdminPassword()).isNull();
            assertThat(second.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(portal.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(Files.exists(work.resolve("data-b").resolve("db"))).isTrue();
        }
        assertThat(portal.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void restartOnTheSameDataFolderKeepsPasswordAndPluginsWithoutAStaleRedeploy() throws Exception {
        List<String> before = pluginIdentities();
        portal.close();

        portal = RunningPortal.start(work.resolve("data-a"), "portal-a-restart.log", Map.of("PORTAL_API_TOKEN", TOKEN));

        assertThat(portal.printedAdminPassword()).isNull();
        assertThat(pluginIdentities()).isEqualTo(before);
        String log = Files.readString(portal.log);
        assertThat(Pattern.compile("Loading application \\[ROOT\\]").matcher(log).results().count()).isEqualTo(1);
        if (Browser.available()) {
            try (Browser browser = new Browser(work.resolve("chromium-c"))) {
                browser.open(portal.url("/login"));
                browser.type("login:username", "admin");
                browser.type("login:password", adminPassword);
                browser.clickAndWaitForUrl("login:signIn", portal.url("/"));
                assertThat(browser.find(".bl-user-name").getText()).isEqualTo("admin");
            }
        }
    }

    private void awaitEntity(String kind, String name) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (portal.get("/api/catalog/entities/by-name/" + kind + "/default/" + name).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(kind + ":" + name + " did not appear in the catalog within 30 s");
            }
            Thread.sleep(250);
        }
    }

    private java.net.http.HttpResponse<String> post(String path, String json, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal.url(path)))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private List<String> pluginIdentities() throws Exception {
        return plugins(portal.get("/api/admin/plugins", Map.of("Authorization", "Bearer " + TOKEN)).body()).stream()
                .map(p -> p.getString("symbolicName") + "@" + p.getString("version") + ":" + p.getString("state"))
                .sorted().toList();
    }

    private JsonObject awaitPlugin(String symbolicName, boolean present) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            var match = plugins(portal.get("/api/admin/plugins", Map.of("Authorization", "Bearer " + TOKEN)).body())
                    .stream().filter(p -> symbolicName.equals(p.getString("symbolicName", null))).findFirst();
            if (match.isPresent() == present && (!present || "ACTIVE".equals(match.get().getString("state")))) {
                return match.orElse(null);
            }
            Thread.sleep(250);
        }
        throw new AssertionError(symbolicName + (present ? " was not installed" : " was not removed") + " within 20 s");
    }

    private static List<JsonObject> plugins(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class);
        }
    }

    /** A copy of a bundle jar under another symbolic name, so it can run beside the original. */
    static byte[] renamed(Path jar, String symbolicName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            try (var out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

}
