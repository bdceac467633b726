package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.web.plugins.TestJars;
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
import java.nio.file.Files;
import java.nio.file.Path;
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

    // --- deploy API (helper C) ---

    private static final String JAR = "application/java-archive";

    private HttpResponse<String> send(String method, String path, String token, String contentType,
            HttpRequest.BodyPublisher body) throws Exception {
        // HTTP/1.1 as curl speaks it: the JDK client's default h2c upgrade offer on a body the server
        // refuses without reading ends in an EOF on Grizzly instead of the 413 (curl gets the 413).
        var request = HttpRequest.newBuilder(URI.create(url(path))).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(60)).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String method, String path, byte[] jar) throws Exception {
        return send(method, path, TOKEN, JAR, HttpRequest.BodyPublishers.ofByteArray(jar));
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send("POST", path, TOKEN, null, HttpRequest.BodyPublishers.noBody());
    }

    private static void assertError(HttpResponse<String> response, int status, String name, String... words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"name\":\"" + name + "\"", "\"statusCode\":" + status, "\"request\":{");
        for (String word : words) {
            assertThat(response.body()).contains(word);
        }
    }

    @Test
    void deployApiInstallsUpdatesRollsBackStopsStartsAndDeletesAPlugin() throws Exception {
        String name = "com.example.deploy";
        String path = "/api/admin/plugins/" + name;

        var installed = upload("POST", "/api/admin/plugins", TestJars.bundle(name, "1.0.0"));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        assertThat(installed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path));
        assertThat(installed.body()).contains("\"symbolicName\":\"" + name + "\"", "\"version\":\"1.0.0\"",
                "\"state\":\"ACTIVE\"", "\"changedBy\":\"api-token\"", "\"health\":{");

        assertError(upload("POST", "/api/admin/plugins", TestJars.bundle(name, "1.0.0")), 409, "ConflictError", name);

        var updated = upload("PUT", path, TestJars.bundle(name, "2.0.0"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.body()).contains("\"version\":\"2.0.0\"", "\"rollbackVersion\":\"1.0.0\"", "\"state\":\"ACTIVE\"");
        assertError(upload("PUT", path, TestJars.bundle("com.example.other", "3.0.0")), 409, "ConflictError",
                "com.example.other, not " + name);

        var detail = get(path, TOKEN);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"headers\":{", "\"Bundle-SymbolicName\":\"" + name + "\"", "\"imports\":[",
                "\"exports\":[", "\"recentErrors\":[", "\"versions\":[", "\"version\":\"1.0.0\"");

        var rolledBack = post(path + "/rollback");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.body()).contains("\"version\":\"1.0.0\"");

        var stopped = post(path + "/stop");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.body()).doesNotContain("\"state\":\"ACTIVE\"");
        var started = post(path + "/start");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("\"state\":\"ACTIVE\"");

        assertThat(send("DELETE", path, TOKEN, null, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(204);
        assertError(get(path, TOKEN), 404, "NotFoundError", name);
        assertError(post(path + "/start"), 404, "NotFoundError", name);
        assertThat(get("/api/admin/plugins", TOKEN).body()).doesNotContain(name);

        var audit = get("/api/admin/audit?limit=200", TOKEN);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).startsWith("{\"items\":[");
        for (String action : new String[] {"install", "update", "rollback", "stop", "start", "uninstall"}) {
            assertThat(audit.body()).as(action).containsPattern("\\{\"at\":\"[^\"]+\",\"actor\":\"api-token\",\"action\":\"plugin\\."
                    + action + "\",\"target\":\"" + name.replace(".", "\\.") + "\",\"outcome\":\"success\"");
        }
        assertThat(audit.body()).containsPattern("\"action\":\"plugin\\.install\",\"target\":\"" + name.replace(".", "\\.")
                + "\",\"outcome\":\"(refused|failure)\"");
    }

    @Test
    void deployApiRefusesBadJarsWithTheReasonAndChangesNothing() throws Exception {
        assertError(upload("POST", "/api/admin/plugins", TestJars.corrupt()), 400, "InputError", "not a readable jar");
        assertError(upload("POST", "/api/admin/plugins", TestJars.notAJar()), 400, "InputError", "not a");
        assertError(upload("POST", "/api/admin/plugins", TestJars.traversal("com.example.traversal")), 400, "InputError",
                "../../evil.txt");
        assertError(upload("POST", "/api/admin/plugins", TestJars.bundle("com.example.shadow", "1.0.0",
                java.util.Map.of("Export-Package", "dev.backlot.spi.catalog;version=\"9.0.0\""))), 400, "InputError",
                "dev.backlot.spi.catalog");
        assertError(upload("POST", "/api/admin/plugins", TestJars.unresolvable("com.example.needy", "com.example.missing")),
                409, "ConflictError", "com.example.missing");
        assertError(send("POST", "/api/admin/plugins", TOKEN, "text/plain",
                HttpRequest.BodyPublishers.ofByteArray(TestJars.bundle("com.example.text", "1.0.0"))), 415,
                "UnsupportedMediaTypeError", "application/java-archive");
        // arquillian.xml sets portal.plugins.max-upload-bytes to 262144
        assertError(upload("POST", "/api/admin/plugins", new byte[262_145]), 413, "PayloadTooLargeError", "262144");

        String after = get("/api/admin/plugins", TOKEN).body();
        assertThat(after).doesNotContain("com.example.traversal", "com.example.shadow", "com.example.needy", "com.example.text");
        assertThat(get("/api/admin/audit?limit=50", TOKEN).body()).contains("com.example.missing", "\"outcome\":\"refused\"");
    }

    @Test
    void endlessUploadIsCutAtTheLimitWhileReading() throws Exception {
        // No Content-Length (chunked): the server has to stop reading by itself.
        java.io.InputStream endless = new java.io.InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < 64L * 1024 * 1024 ? 'x' : -1;
            }
        };
        HttpResponse<String> response;
        try {
            response = send("POST", "/api/admin/plugins", TOKEN, JAR, HttpRequest.BodyPublishers.ofInputStream(() -> endless));
        } catch (java.io.IOException closedWhileSending) {
            // The server answered and closed before the client finished sending: the refusal itself is
            // then read from the audit log below.
            response = null;
        }
        if (response != null) {
            assertError(response, 413, "PayloadTooLargeError", "more than 262144 bytes");
        }
        assertThat(get("/api/admin/audit?limit=20", TOKEN).body()).contains("more than 262144 bytes");
    }

    @Test
    void deployApiNeedsTheAdminTokenOrSession() throws Exception {
        byte[] jar = TestJars.bundle("com.example.anonymous", "1.0.0");

        var anonymous = send("POST", "/api/admin/plugins", null, JAR, HttpRequest.BodyPublishers.ofByteArray(jar));
        var wrong = send("POST", "/api/admin/plugins", "not-the-token-0123456789", JAR,
                HttpRequest.BodyPublishers.ofByteArray(jar));
        var audit = get("/api/admin/audit", null);

        assertError(anonymous, 401, "AuthenticationError");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(audit.statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/plugins", TOKEN).body()).doesNotContain("com.example.anonymous");
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

    // --- catalog predicate queries (POST by-query, entity-facets, by-refs) ---

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, null, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static java.util.List<String> names(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getJsonObject("metadata").getString("name")).toList();
    }

    @Test
    void predicateQueryPagesThroughItsCursorWithoutSigningIn() throws Exception {
        awaitOk("/api/catalog/entities/by-name/component/default/payment-service");
        String query = "{\"query\": {\"kind\": \"Component\", \"metadata.tags\": {\"$contains\": \"java\"}}, \"limit\": 2,"
                + " \"orderBy\": [{\"field\": \"metadata.name\", \"order\": \"desc\"}], \"fields\": [\"metadata.name\"]}";

        var first = postJson("/api/catalog/entities/by-query", query);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject page1 = object(first.body());
        assertThat(names(page1)).containsExactly("payment-service", "money-lib");
        assertThat(page1.getInt("totalItems")).isEqualTo(3);
        assertThat(page1.getJsonArray("items").getJsonObject(0).keySet()).containsExactly("metadata");
        String next = page1.getJsonObject("pageInfo").getString("nextCursor");
        // Backstage's client sends a cursor to the POST endpoint when it decodes (atob) to JSON with a query.
        assertThat(object(new String(java.util.Base64.getDecoder().decode(next))).containsKey("query")).isTrue();

        JsonObject page2 = object(postJson("/api/catalog/entities/by-query", "{\"cursor\": \"" + next + "\", \"limit\": 2}").body());
        assertThat(names(page2)).containsExactly("backlot");
        assertThat(page2.getInt("totalItems")).isEqualTo(3);
        assertThat(page2.getJsonObject("pageInfo").containsKey("nextCursor")).isFalse();
        JsonObject back = object(postJson("/api/catalog/entities/by-query",
                "{\"cursor\": \"" + page2.getJsonObject("pageInfo").getString("prevCursor") + "\", \"limit\": 2}").body());
        assertThat(names(back)).containsExactly("payment-service", "money-lib");

        JsonObject uncounted = object(postJson("/api/catalog/entities/by-query", query.replace("\"limit\": 2,",
                "\"limit\": 2, \"totalItems\": \"exclude\",")).body());
        assertThat(uncounted.getInt("totalItems")).isZero();
        assertThat(uncounted.getJsonObject("pageInfo").containsKey("nextCursor")).isTrue();
    }

    @Test
    void predicateFacetsAndByRefsAnswerWithoutSigningIn() throws Exception {
        awaitOk("/api/catalog/entities/by-name/component/default/payment-service");

        var facets = postJson("/api/catalog/entity-facets",
                "{\"facets\": [\"spec.lifecycle\"], \"query\": {\"kind\": \"component\", \"spec.owner\": \"payments\"}}");
        var refs = postJson("/api/catalog/entities/by-refs", "{\"entityRefs\": [\"component:default/fraud-check\","
                + " \"component:default/payment-service\", \"api:default/fraud-api\"],"
                + " \"query\": {\"$not\": {\"spec.lifecycle\": \"experimental\"}}, \"fields\": [\"metadata.name\"]}");
        var refsFiltered = send("POST", "/api/catalog/entities/by-refs?filter=kind=api", null, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"entityRefs\": [\"component:default/payment-service\", \"api:default/fraud-api\"]}"));

        assertThat(facets.statusCode()).as(facets.body()).isEqualTo(200);
        assertThat(facets.body()).contains("\"spec.lifecycle\":[{\"value\":\"production\",\"count\":2},"
                + "{\"value\":\"experimental\",\"count\":1}]");
        assertThat(refs.statusCode()).as(refs.body()).isEqualTo(200);
        assertThat(refs.body()).isEqualTo("{\"items\":[null,{\"metadata\":{\"name\":\"payment-service\"}},null]}");
        assertThat(object(refsFiltered.body()).getJsonArray("items").get(0)).isEqualTo(jakarta.json.JsonValue.NULL);
        assertThat(object(refsFiltered.body()).getJsonArray("items").getJsonObject(1).getJsonObject("metadata")
                .getString("name")).isEqualTo("fraud-api");
    }

    @Test
    void badPredicatesAreRefusedWithWhatAndWhere() throws Exception {
        assertError(postJson("/api/catalog/entities/by-query", "{\"query\": {\"$all\": [{\"spec.type\": {\"$regex\": \"^s\"}}]}}"),
                400, "InputError", "Unknown operator '$regex' at query.$all[0][\\\"spec.type\\\"]");
        assertError(postJson("/api/catalog/entities/by-query", "{\"query\": {\"metadata.links\": {\"$contains\":"
                + " {\"url\": \"x\", \"title\": \"y\"}}}}"), 400, "InputError", "$contains on 'metadata.links'");
        assertError(postJson("/api/catalog/entities/by-query", "{\"query\": \"component\"}"), 400, "InputError",
                "query must be a predicate object");
        assertError(postJson("/api/catalog/entities/by-query", "{\"orderBy\": [{\"field\": \"metadata.name\", \"order\": \"up\"}]}"),
                400, "InputError", "orderBy[0].order must be asc or desc");
        String getCursor = object(get("/api/catalog/entities/by-query?filter=kind=component&limit=1", null).body())
                .getJsonObject("pageInfo").getString("nextCursor");
        assertError(postJson("/api/catalog/entities/by-query", "{\"cursor\": \"" + getCursor + "\"}"), 400, "InputError",
                "belongs to GET /entities/by-query");
        assertError(postJson("/api/catalog/entities/by-query", "{\"cursor\": \"not a cursor\"}"), 400, "InputError",
                "Malformed cursor");
        assertError(postJson("/api/catalog/entity-facets", "{\"facets\": [\"kind\"], \"query\": {\"kind\": null}}"), 400,
                "InputError", "null equals nothing");
        assertError(postJson("/api/catalog/entity-facets", "{\"query\": {}}"), 400, "InputError", "facets must be a list");
        assertError(postJson("/api/catalog/entities/by-refs", "{\"entityRefs\": [], \"query\": {\"$nor\": []}}"), 400,
                "InputError", "Unknown operator '$nor'");
    }

    // --- locations: POST /locations/by-query and PUT /locations/{id} ---

    /**
     * The folder of the sample catalog, one of the default file roots (the rest of the data folder
     * is never read). Read with the token: only admins see server paths.
     */
    private Path sampleFolder() throws Exception {
        awaitOk("/api/catalog/entities/by-name/component/default/payment-service");
        return Path.of(sampleLocation().getString("target")).getParent();
    }

    private JsonObject sampleLocation() throws Exception {
        return Json.createReader(new StringReader(get("/api/catalog/locations", TOKEN).body())).readArray().stream()
                .map(l -> l.asJsonObject().getJsonObject("data"))
                .filter(l -> l.getString("target").endsWith("sample-catalog/catalog-info.yaml")).findFirst().orElseThrow();
    }

    /** A file location with one component, registered with the token; its id. */
    private String register(Path folder, String component) throws Exception {
        Path file = Files.createDirectories(folder.resolve(component)).resolve("catalog-info.yaml");
        Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + component
                + "}\nspec: {type: service, lifecycle: production, owner: it-locations}\n");
        var created = send("POST", "/api/catalog/locations", TOKEN, "application/json", HttpRequest.BodyPublishers.ofString(
                Json.createObjectBuilder().add("type", "file").add("target", file.toString()).build().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return object(created.body()).getJsonObject("location").getString("id");
    }

    private HttpResponse<String> put(String path, String token, JsonObject body) throws Exception {
        return send("PUT", path, token, "application/json", HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static JsonObject spec(String type, String target) {
        return Json.createObjectBuilder().add("type", type).add("target", target).build();
    }

    private void unregister(java.util.List<String> ids) throws Exception {
        for (String id : ids) {
            send("DELETE", "/api/catalog/locations/" + id, TOKEN, null, HttpRequest.BodyPublishers.noBody());
        }
    }

    @Test
    void locationQueryPagesInIdOrderThroughItsCursorWithoutSigningIn() throws Exception {
        Path folder = sampleFolder().resolve("it-location-query");
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            for (String name : java.util.List.of("lq-one", "lq-two", "lq-three")) {
                ids.add(register(folder, name));
            }
            String query = Json.createObjectBuilder().add("limit", 2).add("query", Json.createObjectBuilder()
                    .add("type", "FILE").add("target", Json.createObjectBuilder().add("$hasPrefix", folder + "/"))).build().toString();

            var first = postJson("/api/catalog/locations/by-query", query);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonObject page1 = object(first.body());
            assertThat(page1.getInt("totalItems")).isEqualTo(3);
            JsonArray items1 = page1.getJsonArray("items");
            assertThat(items1).hasSize(2);
            assertThat(items1.getJsonObject(0).keySet()).containsExactly("id", "type", "target", "entityRef");
            assertThat(items1.getJsonObject(0).getString("entityRef")).startsWith("location:default/generated-");
            String next = page1.getJsonObject("pageInfo").getString("nextCursor");
            JsonObject page2 = object(postJson("/api/catalog/locations/by-query", "{\"cursor\": \"" + next + "\"}").body());
            assertThat(page2.getInt("totalItems")).isEqualTo(3);
            assertThat(page2.getJsonArray("items")).hasSize(1);
            assertThat(page2.getJsonObject("pageInfo").keySet()).isEmpty();
            java.util.List<String> paged = java.util.stream.Stream.concat(items1.stream(), page2.getJsonArray("items").stream())
                    .map(i -> i.asJsonObject().getString("id")).toList();
            assertThat(paged).isSorted().containsExactlyInAnyOrderElementsOf(ids);

            // No body at all is the first page of every location.
            var everything = send("POST", "/api/catalog/locations/by-query", null, null, HttpRequest.BodyPublishers.noBody());
            assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
            assertThat(object(everything.body()).getInt("totalItems")).isGreaterThanOrEqualTo(4);
        } finally {
            unregister(ids);
        }
    }

    @Test
    void locationUpdateReadsTheNewTargetAndNeedsACaller() throws Exception {
        Path folder = sampleFolder().resolve("it-location-update");
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            String id = register(folder, "lu-old");
            ids.add(id);
            awaitOk("/api/catalog/entities/by-name/component/default/lu-old");
            Path newFile = Files.createDirectories(folder.resolve("lu-new")).resolve("catalog-info.yaml");
            Files.writeString(newFile, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: lu-new}\n"
                    + "spec: {type: service, lifecycle: production, owner: it-locations}\n");

            assertError(put("/api/catalog/locations/" + id, null, spec("file", newFile.toString())), 401, "AuthenticationError");
            var updated = put("/api/catalog/locations/" + id, TOKEN, spec("file", newFile.toString()));

            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            JsonObject location = object(updated.body());
            assertThat(location.getString("id")).isEqualTo(id);
            assertThat(location.getString("target")).isEqualTo(newFile.toString());
            assertThat(object(get("/api/catalog/locations/" + id, TOKEN).body()).getString("target")).isEqualTo(newFile.toString());
            // Anonymous readers see it relative to its catalog folder, never the server path.
            assertThat(object(get("/api/catalog/locations/" + id, null).body()).getString("target"))
                    .isEqualTo("sample-catalog/it-location-update/lu-new/catalog-info.yaml");
            awaitOk("/api/catalog/entities/by-name/component/default/lu-new");
            // What only the old target emitted is an orphan now (deleted after PORTAL_CATALOG_ORPHAN_GRACE_SECONDS).
            assertThat(object(get("/api/catalog/entities/by-name/component/default/lu-old", null).body())
                    .getJsonObject("metadata").getJsonObject("annotations").getString("backstage.io/orphan")).isEqualTo("true");
            var byEntity = object(get("/api/catalog/locations/by-entity/component/default/lu-new", null).body());
            assertThat(byEntity.getString("id")).isEqualTo(id);
            assertThat(byEntity.getString("entityRef")).isEqualTo(location.getString("entityRef"));
        } finally {
            unregister(ids);
        }
    }

    @Test
    void badLocationQueriesAndUpdatesAreRefusedWithTheReason() throws Exception {
        Path folder = sampleFolder().resolve("it-location-refusals");
        JsonObject sample = sampleLocation();
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            String id = register(folder, "lr-one");
            ids.add(id);

            assertError(postJson("/api/catalog/locations/by-query", "{\"query\": {\"spec.type\": \"url\"}}"), 400,
                    "InputError", "Locations can be queried by id, type, target and entityRef, not by 'spec.type'");
            assertError(postJson("/api/catalog/locations/by-query", "{\"limit\": 0}"), 400, "InputError",
                    "limit must be a whole number of 1 or more");
            assertError(postJson("/api/catalog/locations/by-query", "{\"query\": \"url\"}"), 400, "InputError",
                    "query must be a predicate object");
            assertError(postJson("/api/catalog/locations/by-query", "{\"cursor\": \"not a cursor\"}"), 400, "InputError",
                    "Malformed cursor");
            assertError(postJson("/api/catalog/locations/by-query", "{\"query\": {\"type\": {\"$regex\": \"u\"}}}"), 400,
                    "InputError", "Unknown operator '$regex'");

            assertError(put("/api/catalog/locations/no-such-location", TOKEN, spec("file", sample.getString("target"))), 404,
                    "NotFoundError", "No location with id no-such-location");
            assertError(put("/api/catalog/locations/" + id, TOKEN, spec("file", sample.getString("target"))), 409,
                    "ConflictError", "is already registered");
            assertError(put("/api/catalog/locations/" + sample.getString("id"), TOKEN, spec("file", folder + "/lr-one")), 409,
                    "ConflictError", "comes from the portal's configuration");
            assertError(send("PUT", "/api/catalog/locations/" + id, TOKEN, "application/json",
                    HttpRequest.BodyPublishers.ofString("{\"target\": 1}")), 400, "InputError", "The body must be");
            // The new target passes the checks of registration, with the same message.
            var viaPost = send("POST", "/api/catalog/locations", TOKEN, "application/json",
                    HttpRequest.BodyPublishers.ofString(spec("file", "/etc/passwd").toString()));
            var viaPut = put("/api/catalog/locations/" + id, TOKEN, spec("file", "/etc/passwd"));
            assertError(viaPut, 400, "InputError");
            assertThat(object(viaPut.body()).getJsonObject("error").getString("message"))
                    .isEqualTo(object(viaPost.body()).getJsonObject("error").getString("message"));
        } finally {
            unregister(ids);
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
