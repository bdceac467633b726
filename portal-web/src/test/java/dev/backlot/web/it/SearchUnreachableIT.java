package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real {@code portal.jar} pointed at a remote Solr that does not answer: the portal starts and
 * serves, the search page says what is wrong in a banner, the search API answers 503 in Backstage's
 * error shape, and the catalog's changes wait in the database for Solr to come back.
 */
class SearchUnreachableIT {

    private static final String TOKEN = "search-down-it-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void searchDownIsABannerAndA503WhileTheRestOfThePortalWorks() throws Exception {
        Path work = Path.of("target", "search-unreachable-it").toAbsolutePath();
        RunningPortal.deleteTree(work);
        int nobody = RunningPortal.freePort();
        try (RunningPortal portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_SOLR_URL", "http://127.0.0.1:" + nobody + "/solr"))) {
            HttpResponse<String> api = portal.get("/api/search/query?term=payment");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(api.body()).at("/error/message").asText()).contains("cannot be reached");

            String page = portal.get("/search?q=payment").body();
            assertThat(page).contains("id=\"searchUnavailable\"").contains("Search is unavailable right now");
            assertThat(portal.get("/catalog").statusCode()).isEqualTo(200);
            assertThat(portal.get("/api/catalog/entities?limit=1").statusCode()).isEqualTo(200);

            long deadline = System.currentTimeMillis() + 60_000;
            long pending = 0;
            while (System.currentTimeMillis() < deadline && pending == 0) {
                JsonNode status = JSON.readTree(portal.get("/api/admin/search/status",
                        Map.of("Authorization", "Bearer " + TOKEN)).body());
                assertThat(status.get("reachable").asBoolean()).isFalse();
                pending = status.get("pendingChanges").asLong();
                Thread.sleep(500);
            }
            assertThat(pending).as("the sample catalog's entities queued for the index").isPositive();
        }
    }
}
