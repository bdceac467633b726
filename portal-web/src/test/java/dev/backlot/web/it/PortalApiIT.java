package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR deployed on a real Payara Micro by Arquillian: readiness and the plugin API with
 * and without the API token. Settings reach the portal as system properties (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalApiIT {

    static final String TOKEN = "arquillian-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive portal() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("portal.war", "target/ROOT.war")));
    }

    /** Micro advertises its first non-loopback address; the listener is bound to loopback. */
    private String url(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + path;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portalIsDeployedAtTheRootAndReady() throws Exception {
        // Arquillian does not report a failed deployment: prove the application answers.
        assertThat(get("/", null).statusCode()).isEqualTo(200);

        var ready = get("/health/ready", null);

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"database\":\"UP\"")
                .contains("\"plugin-framework\":\"UP\"").contains("\"default-plugins\":\"UP\"");
    }

    @Test
    void pluginListNeedsTheToken() throws Exception {
        var anonymous = get("/api/admin/plugins", null);
        var wrong = get("/api/admin/plugins", "not-the-token-0123456789");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(anonymous.body()).contains("AuthenticationError");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void pluginListShowsEveryBundleWithItsStateAndServices() throws Exception {
        var response = get("/api/admin/plugins", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[")
                .contains("\"symbolicName\":\"dev.backlot.example-hello\"")
                .contains("\"state\":\"ACTIVE\"")
                .contains("\"location\":\"backlot:dev.backlot.example-hello#1\"")
                .contains("\"services\":[\"dev.backlot.spi.scaffolder.ScaffolderAction\"]")
                .contains("\"symbolicName\":\"org.apache.felix.scr\"");
    }

    @Test
    void adminPagesSendAnonymousUsersToSignIn() throws Exception {
        var response = get("/admin/plugins", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?next="));
    }

    // --- catalog ancestry (helper D) ---

    @Test
    void catalogAncestryLeadsFromAnEntityThroughItsLocationsToTheRegisteredOne() throws Exception {
        var response = awaitOk("/api/catalog/entities/by-name/component/default/payment-service/ancestry");

        JsonObject body;
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            body = reader.readObject();
        }
        assertThat(body.getString("rootEntityRef")).isEqualTo("component:default/payment-service");
        JsonArray items = body.getJsonArray("items");
        assertThat(items).hasSize(3);
        assertThat(items.getJsonObject(0).getJsonObject("entity").getJsonObject("metadata").getString("name"))
                .isEqualTo("payment-service");
        assertThat(items.getJsonObject(0).getJsonArray("parentEntityRefs").getString(0))
                .isEqualTo("location:default/sample-organisation");
        String generated = items.getJsonObject(1).getJsonArray("parentEntityRefs").getString(0);
        assertThat(generated).startsWith("location:default/generated-");
        JsonObject root = items.getJsonObject(2);
        assertThat(root.getJsonObject("entity").getJsonObject("spec").getString("target"))
                .endsWith("sample-catalog/catalog-info.yaml");
        assertThat(root.getJsonArray("parentEntityRefs")).isEmpty();
        var unknown = get("/api/catalog/entities/by-name/component/default/nobody-here/ancestry", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("NotFoundError");
    }

    /** The sample catalog is read just after start: waits for its first run. */
    private HttpResponse<String> awaitOk(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            var response = get(path, null);
            if (response.statusCode() == 200 || System.currentTimeMillis() > deadline) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return response;
            }
            Thread.sleep(200);
        }
    }

    // --- scaffolder actions (served by plugins) ---

    @Test
    void scaffolderActionsListTheActionsPluginsOffer() throws Exception {
        var response = get("/api/scaffolder/v2/actions", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray actions = Json.createReader(new StringReader(response.body())).readArray();
        assertThat(actions.stream().map(a -> a.asJsonObject().getString("id"))).contains("example:hello");
        JsonObject hello = actions.stream().map(a -> a.asJsonObject())
                .filter(a -> a.getString("id").equals("example:hello")).findFirst().orElseThrow();
        assertThat(hello.getString("description")).isNotBlank();
        assertThat(hello.getString("plugin")).isEqualTo("dev.backlot.example-hello");
    }
}
