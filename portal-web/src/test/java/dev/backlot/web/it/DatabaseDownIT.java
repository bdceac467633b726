package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real {@code portal.jar} started on a database that does not answer: every page still renders
 * in the portal's layout with a banner saying the catalog is unavailable (no stack trace, no 500),
 * the API answers 503 in Backstage's error shape, and the plugin console still lists and serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownIT {

    private static final String TOKEN = "db-down-it-token-0123456789";
    private final Path work = Path.of("target", "database-down-it").toAbsolutePath();
    private RunningPortal portal;

    @BeforeAll
    void start() throws Exception {
        RunningPortal.deleteTree(work);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // free now, so nothing answers there
        }
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/backlot"), false);
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void everyPageRendersInTheLayoutWithTheBanner() throws Exception {
        for (String path : List.of("/", "/catalog", "/catalog?kind=component", "/catalog/default/component/anything",
                "/catalog/errors", "/catalog-import", "/create", "/docs", "/search", "/login")) {
            RawHttp.Answer page = RawHttp.get(portal.port, path);
            assertThat(page.status()).as(path).isNotEqualTo(500).isNotEqualTo(404);
            assertThat(page.body()).as(path).contains("class=\"bl-header\"", "class=\"bl-sidebar\"")
                    .contains("The catalog is unavailable: the database could not be opened")
                    .doesNotContain("Exception", "\tat ", "StackTrace");
        }
        // An entity page cannot find out whether the entity exists: it says so, as 503, not as a 404.
        assertThat(RawHttp.get(portal.port, "/catalog/default/component/anything").status()).isEqualTo(503);
    }

    @Test
    void theApiAnswers503InBackstagesErrorShape() throws Exception {
        for (String path : List.of("/api/catalog/entities", "/api/catalog/entities/by-name/component/default/x",
                "/api/catalog/locations", "/api/catalog/entity-facets?facet=kind", "/api/catalog/processing-errors")) {
            RawHttp.Answer answer = RawHttp.get(portal.port, path);
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.body()).as(path).contains("\"name\":\"ServiceUnavailableError\"")
                    .contains("The catalog is unavailable").contains("\"statusCode\":503");
        }
        RawHttp.Answer query = RawHttp.send(portal.port, "POST", "/api/catalog/entities/by-query",
                Map.of("Content-Type", "application/json"), "{}".getBytes());
        assertThat(query.status()).isEqualTo(503);
    }

    @Test
    void thePluginConsoleStillWorksAndSaysChangesMustWait() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + TOKEN);
        RawHttp.Answer list = RawHttp.send(portal.port, "GET", "/api/admin/plugins", admin, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("dev.backlot.example-hello");

        RawHttp.Answer console = RawHttp.send(portal.port, "GET", "/admin/plugins", admin, null);
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("dev.backlot.example-hello").contains("The catalog is unavailable");

        RawHttp.Answer change = RawHttp.send(portal.port, "POST", "/api/admin/plugins/dev.backlot.example-hello/stop",
                admin, new byte[0]);
        assertThat(change.status()).isEqualTo(503);
        assertThat(change.body()).contains("ServiceUnavailableError").contains("database");
        assertThat(RawHttp.get(portal.port, "/health/ready").status()).isEqualTo(503);
    }
}
