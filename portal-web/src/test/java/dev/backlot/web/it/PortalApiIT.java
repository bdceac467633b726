package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
}
