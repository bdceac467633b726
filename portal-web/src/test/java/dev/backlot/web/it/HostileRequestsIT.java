package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Requests an attacker would send, against the real {@code portal.jar} with its defaults: the
 * container's own path handling is the attack surface, so nothing here runs in a mock. Every
 * request is refused the documented way (400, 401, 403, 413, a redirect to sign-in, or the page
 * without the dangerous part), and afterwards the plugin set, the catalog and the audit log show
 * no effect of any of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsIT {

    private static final String TOKEN = "hostile-it-token-0123456789";
    private static final String ADMIN_PASSWORD = "hostile-it-admin-password";
    private static final String DB_SECRET = "db-secret-in-the-url";

    private final Path work = Path.of("target", "hostile-requests-it").toAbsolutePath();
    private RunningPortal portal;
    private Snapshot before;

    /** What must not change: plugins, entities, audit entries (other than sign-in lock-outs). */
    private record Snapshot(String plugins, String entities, List<String> audit) {
    }

    @BeforeAll
    void startPortal() throws Exception {
        RunningPortal.deleteTree(work);
        Path data = work.resolve("data");
        Path repos = work.resolve("repos");
        // A component with a javascript: link, and three ways to reach into the data folder.
        write(repos.resolve("xss/catalog-info.yaml"), component("xss-links", "links: [{url: 'javascript:alert(document.domain)',"
                + " title: Click me}, {url: 'https://docs.example.com', title: Docs}]"));
        write(repos.resolve("thief/catalog-info.yaml"), component("db-thief", "")
                + "  stolen: {$text: ../../data/db/portal.mv.db}\n");
        Files.createDirectories(data.resolve("db"));
        Files.createSymbolicLink(Files.createDirectories(repos.resolve("linked")).resolve("db-link"), data.resolve("db"));
        write(repos.resolve("linked/catalog-info.yaml"), component("link-thief", "") + "  stolen: {$text: ./db-link/portal.mv.db}\n");
        write(data.resolve("discovery/evil/catalog-info.yaml"), component("discovered-thief", "")
                + "  stolen: {$text: ../../db/portal.mv.db}\n");
        portal = RunningPortal.start(data, "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD, "PORTAL_CATALOG_LOCATIONS", "file:" + repos,
                "PORTAL_DISCOVERY_INTERVAL_SECONDS", "1",
                "PORTAL_DB_URL", "jdbc:h2:file:" + data.resolve("db/portal") + ";PASSWORD=" + DB_SECRET + ";AUTO_SERVER=FALSE"));
        awaitEntity("component/default/xss-links");
        before = snapshot();
    }

    @AfterAll
    void stopPortal() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    private static String component(String name, String metadataExtra) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name + "\n"
                + (metadataExtra.isEmpty() ? "" : "  " + metadataExtra + "\n")
                + "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    @Order(1)
    void encodedAndDotPathsToTheAdminConsoleAreRefusedBeforeAnyServlet() throws Exception {
        for (String path : List.of("/%61dmin/plugins.xhtml", "/x;/../admin/plugins.xhtml", "/%2561dmin/plugins.xhtml",
                "/admin/./plugins.xhtml", "/api/%2e%2e/api/admin/audit", "/api/admin;x=y/plugins", "/api;admin/plugins",
                "/api;admin/audit", "/api%2fadmin/plugins", "/admin%5cplugins.xhtml")) {
            RawHttp.Answer answer = RawHttp.get(portal.port, path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            // The portal's own refusal says why; the container refuses some (an encoded backslash) itself, bare.
            assertThat(answer.body()).as(path).doesNotContain("bl-plugin-name", "plugin.install", "Upload plugin");
        }
    }

    @Test
    @Order(2)
    void pathsTheContainerNormalisesItselfLandOnTheSignInPage() throws Exception {
        // The container drops a ;jsessionid itself (sessions are tracked by cookie only): no session, no caller.
        assertThat(RawHttp.get(portal.port, "/api/admin/plugins;jsessionid=x").status()).isIn(400, 401);
        for (String path : List.of("//admin", "/plugin-resources/../admin", "//admin/plugins.xhtml")) {
            RawHttp.Answer answer = RawHttp.get(portal.port, path);
            assertThat(answer.status()).as(path).isIn(301, 302, 400, 401, 404);
            assertThat(answer.body()).as(path).doesNotContain("bl-plugin-name", "Upload plugin");
            if (answer.status() == 301 || answer.status() == 302) {
                String location = URI.create(answer.header("Location")).getRawPath();
                RawHttp.Answer next = RawHttp.get(portal.port, location);
                assertThat(next.status()).as(path + " -> " + location).isIn(302, 404);
                assertThat(next.body()).doesNotContain("bl-plugin-name", "Upload plugin");
            }
        }
        assertThat(RawHttp.get(portal.port, "/ADMIN/plugins.xhtml").status()).isIn(302, 404);
    }

    @Test
    @Order(3)
    void theAdminAreaNeedsTheAdminRoleForEveryMethod() throws Exception {
        for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "DELETE")) {
            for (String path : List.of("/admin/plugins", "/admin/plugins.xhtml", "/admin/plugin?name=x")) {
                int status = RawHttp.send(portal.port, method, path, Map.of(), method.equals("POST") ? new byte[0] : null).status();
                assertThat(status).as(method + " " + path).isIn(302, 401, 403, 405);
            }
            for (String path : List.of("/api/admin/plugins", "/api/admin/audit", "/api/admin/plugins/x/start")) {
                int status = RawHttp.send(portal.port, method, path, Map.of(), method.equals("POST") ? new byte[0] : null).status();
                assertThat(status).as(method + " " + path).isIn(401, 403, 405);
            }
        }
    }

    @Test
    @Order(4)
    void anAnonymousFacesPostbackToAnAdminViewIsRefused() throws Exception {
        byte[] form = ("plugins=plugins&jakarta.faces.ViewState=stateless&jakarta.faces.partial.ajax=true"
                + "&jakarta.faces.source=plugins:table:0:uninstall&plugins:table:0:uninstall=x").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/admin/plugins.xhtml", "/admin/plugins", "/x;/../admin/plugins.xhtml")) {
            RawHttp.Answer answer = RawHttp.send(portal.port, "POST", path,
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Faces-Request", "partial/ajax"), form);
            assertThat(answer.status()).as(path).isIn(200, 302, 400, 401, 403);
            if (answer.status() == 200) {
                // faces.js follows only a partial response: the sign-in is sent as one (AjaxRedirect)
                assertThat(answer.body()).as(path).startsWith("<?xml").contains("<partial-response><redirect url=\"/login?next=");
            }
            assertThat(answer.body()).doesNotContain("is removed");
        }
    }

    @Test
    @Order(5)
    void forgedAndTamperedTokensAreRefused() throws Exception {
        for (String authorization : List.of("Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Bearer ",
                "Bearer " + "a".repeat(10_000), "bearer " + TOKEN.toUpperCase(), "Basic YWRtaW46YWRtaW4=")) {
            RawHttp.Answer answer = RawHttp.send(portal.port, "GET", "/api/admin/plugins",
                    Map.of("Authorization", authorization), null);
            assertThat(answer.status()).as(authorization.substring(0, Math.min(20, authorization.length())))
                    .isIn(400, 401);
            assertThat(answer.body()).doesNotContain("symbolicName");
        }
        assertThat(RawHttp.send(portal.port, "GET", "/api/admin/plugins", Map.of("Authorization", "Bearer " + TOKEN), null)
                .status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void oversizedBodiesOnEveryOpenPostAreRefusedWith413() throws Exception {
        byte[] big = ("{\"entityRefs\": [\"" + "x".repeat(6 * 1024 * 1024) + "\"]}").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : List.of("/api/catalog/entities/by-query", "/api/catalog/entities/by-refs",
                "/api/catalog/entity-facets", "/api/catalog/locations/by-query")) {
            // Declared length over the limit: refused unread.
            RawHttp.Answer declared = RawHttp.send(portal.port, "POST", path, Map.of("Content-Type", "application/json"), big);
            assertThat(declared.status()).as(path).isEqualTo(413);
            assertThat(declared.body()).contains("PayloadTooLargeError");
            // No length (chunked): cut off at the limit.
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as("chunked " + path).isEqualTo(413);
            assertThat(chunked.body()).contains("PayloadTooLargeError");
        }
        // The same calls with a small body still answer.
        assertThat(RawHttp.send(portal.port, "POST", "/api/catalog/entities/by-query", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aJavascriptLinkIsShownAsTextWithAWarningAndPagesCarryACspWithANonce() throws Exception {
        RawHttp.Answer page = RawHttp.get(portal.port, "/catalog/default/component/xss-links");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContainPattern("(?i)href=\"\\s*javascript:")
                .contains("javascript:alert(document.domain)") // as text
                .contains("href=\"https://docs.example.com\"");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self' 'nonce-")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline' 'nonce", "'unsafe-eval'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(processingErrors()).contains("metadata.links[0].url has the scheme 'javascript'");
        RawHttp.Answer api = RawHttp.get(portal.port, "/api/catalog/entities?limit=1");
        assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    @Order(8)
    void nothingInTheDataFolderEverBecomesACatalogEntity() throws Exception {
        awaitError("discovered-thief");
        String errors = processingErrors();
        for (String thief : List.of("db-thief", "link-thief", "discovered-thief")) {
            assertThat(RawHttp.get(portal.port, "/api/catalog/entities/by-name/component/default/" + thief).status())
                    .as(thief).isEqualTo(404);
        }
        assertThat(errors).contains("data folder");
        String all = RawHttp.get(portal.port, "/api/catalog/entities").body();
        assertThat(all).doesNotContain("pbkdf2", "PBKDF2", "H2 ");
        // Registering the data folder, or a file in it, through the API is refused too.
        for (String target : List.of(portal.data.resolve("db").toString(), portal.data.resolve("db/portal.mv.db").toString(),
                portal.data.toString())) {
            RawHttp.Answer refused = RawHttp.send(portal.port, "POST", "/api/catalog/locations",
                    Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"),
                    ("{\"type\":\"file\",\"target\":\"" + target + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(target).isEqualTo(400);
        }
    }

    @Test
    @Order(9)
    void anonymousReadersSeeNoServerPathsOrUrlSecrets() throws Exception {
        String root = work.toString();
        assertThat(RawHttp.get(portal.port, "/api/catalog/locations").body()).doesNotContain(root).contains("repos");
        assertThat(processingErrors()).doesNotContain(root);
        assertThat(RawHttp.get(portal.port, "/api/catalog/entities/by-name/component/default/xss-links").body())
                .doesNotContain(root).contains("file:repos/xss/catalog-info.yaml");
        assertThat(RawHttp.get(portal.port, "/catalog/errors").body()).doesNotContain(root);
        assertThat(RawHttp.get(portal.port, "/catalog/default/component/xss-links").body()).doesNotContain(root);
        // Admins still see them.
        assertThat(RawHttp.send(portal.port, "GET", "/api/catalog/locations", Map.of("Authorization", "Bearer " + TOKEN), null)
                .body()).contains(root);
        // Nor does the log show the database URL's secret or the token.
        assertThat(Files.readString(portal.log)).doesNotContain(DB_SECRET, TOKEN, ADMIN_PASSWORD);
    }

    @Test
    @Order(10)
    void theSessionCookieIsSecureBehindATlsProxy() throws Exception {
        RawHttp.Answer plain = RawHttp.get(portal.port, "/login");
        RawHttp.Answer proxied = RawHttp.send(portal.port, "GET", "/login", Map.of("X-Forwarded-Proto", "https"), null);

        assertThat(plain.header("Set-Cookie")).contains("HttpOnly").doesNotContain("Secure");
        assertThat(proxied.header("Set-Cookie")).contains("HttpOnly").contains("Secure");
        assertThat(proxied.header("Strict-Transport-Security")).isNotNull();
    }

    @Test
    @Order(11)
    void thirtyWrongPasswordsInARowAreSlowedDownAndTheLockOutIsAudited() throws Exception {
        SignInForm form = new SignInForm(portal);
        List<String> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            answers.add(form.signIn("admin", "wrong-" + i));
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        long checked = answers.stream().filter(a -> a.contains("Wrong user name or password")).count();
        long paused = answers.stream().filter(a -> a.contains("Sign-in paused")).count();

        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a).contains("Wrong user name or password"));
        assertThat(answers.get(5)).contains("Sign-in paused").contains("Too many failed sign-ins")
                .containsPattern("Try again in \\d+ second");
        // Waits double (1, 2, 4, 8 s ...): within these few seconds only a handful more are looked at.
        assertThat(checked + paused).isEqualTo(30);
        assertThat(checked).isLessThanOrEqualTo(5 + Math.max(1, 64 - Long.numberOfLeadingZeros(tookMs / 1000 + 1)));
        System.out.printf("[figures] 30 wrong sign-ins answered in %d ms (%d checked, %d refused unhashed)%n", tookMs,
                checked, paused);
        String audit = RawHttp.send(portal.port, "GET", "/api/admin/audit", Map.of("Authorization", "Bearer " + TOKEN), null).body();
        assertThat(audit).contains("signin.lockout").contains("account:admin");
    }

    @Test
    @Order(12)
    void nothingChanged() throws Exception {
        Snapshot after = snapshot();

        assertThat(after.plugins()).isEqualTo(before.plugins());
        assertThat(after.entities()).isEqualTo(before.entities());
        assertThat(after.audit()).isEqualTo(before.audit());
    }

    private Snapshot snapshot() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + TOKEN);
        String plugins = RawHttp.send(portal.port, "GET", "/api/admin/plugins", admin, null).body()
                .replaceAll("\"(calls|failures|lastCall[A-Za-z]*|timeouts|recent[A-Za-z]*)\":[^,}\\]]*", "");
        String entities = RawHttp.send(portal.port, "GET", "/api/catalog/entities?fields=metadata.uid,metadata.etag", admin, null).body();
        List<String> audit = new ArrayList<>();
        Matcher entry = Pattern.compile("\\{[^{}]*\"action\":\"([^\"]+)\"[^{}]*\\}").matcher(
                RawHttp.send(portal.port, "GET", "/api/admin/audit", admin, null).body());
        while (entry.find()) {
            if (!entry.group(1).equals("signin.lockout")) {
                audit.add(entry.group());
            }
        }
        return new Snapshot(plugins, entities, audit);
    }

    private String processingErrors() throws Exception {
        return RawHttp.get(portal.port, "/api/catalog/processing-errors").body();
    }

    private void awaitEntity(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (RawHttp.get(portal.port, "/api/catalog/entities/by-name/" + path).status() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(path + " did not appear within 60 s");
            }
            Thread.sleep(250);
        }
    }

    private void awaitError(String text) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!processingErrors().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no processing error about " + text + " within 60 s: " + processingErrors());
            }
            Thread.sleep(250);
        }
    }

    /** The sign-in form posted as PrimeFaces posts it (ajax), keeping the session and view state. */
    static final class SignInForm {
        private final RunningPortal portal;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        private String viewState;
        private final String nonce;

        SignInForm(RunningPortal portal) throws Exception {
            this.portal = portal;
            String page = http.send(HttpRequest.newBuilder(URI.create(portal.url("/login"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            viewState = viewState(page);
            // PrimeFaces' CSP mode checks that ajax requests carry the page's nonce, as its script sends it.
            Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page);
            nonce = m.find() ? m.group(1) : "";
        }

        /** The partial response of one attempt. */
        String signIn(String user, String password) throws Exception {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", "login:signIn");
            fields.put("jakarta.faces.partial.execute", "login");
            fields.put("jakarta.faces.partial.render", "login:messages");
            fields.put("login:signIn", "login:signIn");
            fields.put("login", "login");
            fields.put("login:username", user);
            fields.put("login:password", password);
            fields.put("jakarta.faces.ViewState", viewState);
            fields.put("primefaces.nonce", nonce);
            String body = String.join("&", fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(portal.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                    .header("Origin", portal.url("")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String next = viewState(answer.body());
            if (next != null) {
                viewState = next;
            }
            return answer.body();
        }

        private static String viewState(String html) {
            Matcher m = Pattern.compile("jakarta\\.faces\\.ViewState[^>]*?value=\"([^\"]+)\"").matcher(html);
            if (m.find()) {
                return m.group(1);
            }
            m = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>").matcher(html);
            return m.find() ? m.group(1) : null;
        }
    }
}
