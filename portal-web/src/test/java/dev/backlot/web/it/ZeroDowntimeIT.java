package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.web.it.zdfixture.ServingActivator;
import dev.backlot.web.plugins.TestJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The zero-downtime guarantee on the real {@code portal.jar}: a plugin that serves a page
 * ({@code /p/zd}) and an API ({@code /api/scaffolder/v2/actions} lists its action) is installed,
 * updated twice, rolled back and removed through the deploy API while a steady stream of requests
 * reads both. Every request during the updates and the rollback must succeed with the plugin's
 * content; during the removal a request may find the plugin gone (404, or the action missing) but
 * never fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeroDowntimeIT {

    static final String TOKEN = "zero-downtime-token-0123456789";
    static final String BSN = "dev.backlot.test.zero-downtime";
    private static final Pattern VERSION = Pattern.compile("id=\"zd-version\">revision ([0-9.]+)<");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of("target", "zero-downtime-it").toAbsolutePath();
    private RunningPortal portal;

    @BeforeAll
    void start() throws Exception {
        RunningPortal.deleteTree(work);
        portal = RunningPortal.start(work.resolve("data"), "portal.log",
                Map.of("PORTAL_API_TOKEN", TOKEN, "PORTAL_SAMPLE_CATALOG", "false"));
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** The fixture bundle at {@code version}; its page and action name the version. */
    static byte[] servingBundle(String version) {
        return TestJars.withClasses(Map.of("Bundle-SymbolicName", BSN, "Bundle-Version", version,
                "Bundle-Name", "Zero-downtime fixture", "Bundle-Activator", ServingActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.ui;version=\"[1.0,2)\","
                        + "dev.backlot.spi.scaffolder;version=\"[0.1,1)\""),
                List.of(ServingActivator.class, ServingActivator.Page.class, ServingActivator.Model.class,
                        ServingActivator.Action.class),
                Map.of("ui/zd.xhtml", TestJars.fragment("<p id=\"zd-version\">revision #{model.version()}</p>")));
    }

    @Test
    void updatesAndRollbackUnderAStreamOfRequestsServeEveryRequest() throws Exception {
        assertThat(deploy("POST", "/api/admin/plugins", servingBundle("1.0.0")).statusCode()).isEqualTo(201);
        awaitServing("1.0.0");

        Stream stream = new Stream(portal, false);
        stream.start(3);
        try {
            stream.awaitRequests(50);
            assertThat(deploy("PUT", "/api/admin/plugins/" + BSN, servingBundle("2.0.0")).statusCode()).isEqualTo(200);
            awaitServing("2.0.0");
            stream.awaitRequests(50);
            assertThat(deploy("PUT", "/api/admin/plugins/" + BSN, servingBundle("3.0.0")).statusCode()).isEqualTo(200);
            awaitServing("3.0.0");
            stream.awaitRequests(50);
            assertThat(deploy("POST", "/api/admin/plugins/" + BSN + "/rollback", null).statusCode()).isEqualTo(200);
            awaitServing("2.0.0");
            stream.awaitRequests(50);
        } finally {
            stream.stop();
        }

        assertThat(stream.failures).as("requests that failed while the plugin was updated").isEmpty();
        assertThat(stream.versions).contains("1.0.0", "2.0.0", "3.0.0");
        System.out.printf("[zero-downtime] %d requests during 2 updates and a rollback, %d failed%n", stream.requests.get(),
                stream.failures.size());
    }

    @Test
    void removalUnderAStreamOfRequestsFailsNoRequest() throws Exception {
        String bsn = BSN;
        var installed = deploy("POST", "/api/admin/plugins", servingBundle("1.0.0"));
        if (installed.statusCode() == 409) {
            assertThat(deploy("PUT", "/api/admin/plugins/" + bsn, servingBundle("4.0.0")).statusCode()).isEqualTo(200);
        }
        awaitPage();

        Stream stream = new Stream(portal, true);
        stream.start(3);
        try {
            stream.awaitRequests(50);
            assertThat(deploy("DELETE", "/api/admin/plugins/" + bsn, null).statusCode()).isEqualTo(204);
            long deadline = System.currentTimeMillis() + 30_000;
            while (portal.get("/p/zd").statusCode() != 404 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            stream.awaitRequests(50);
        } finally {
            stream.stop();
        }

        assertThat(portal.get("/p/zd").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/scaffolder/v2/actions").body()).doesNotContain("zd:echo");
        assertThat(stream.failures).as("requests that failed while the plugin was removed").isEmpty();
    }

    private HttpResponse<String> deploy(String method, String path, byte[] jar) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN);
        if (jar != null) {
            request.header("Content-Type", "application/java-archive").method(method, HttpRequest.BodyPublishers.ofByteArray(jar));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(500);
        return response;
    }

    private void awaitServing(String version) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = VERSION.matcher(portal.get("/p/zd").body());
            seen = m.find() ? m.group(1) : null;
            if (version.equals(seen)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("/p/zd did not serve " + version + " within 30 s (last seen: " + seen + ")");
    }

    private void awaitPage() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (VERSION.matcher(portal.get("/p/zd").body()).find()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("/p/zd was not served within 30 s");
    }

    /** Readers of the plugin's page and API, recording every request that did not succeed. */
    static final class Stream {
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final Set<String> versions = ConcurrentHashMap.newKeySet();
        final AtomicLong requests = new AtomicLong();
        private final RunningPortal portal;
        private final boolean removalAllowed;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Stream(RunningPortal portal, boolean removalAllowed) {
            this.portal = portal;
            this.removalAllowed = removalAllowed;
        }

        void start(int count) {
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::run, "zd-reader-" + i);
                threads.add(t);
                t.start();
            }
        }

        void awaitRequests(long more) throws InterruptedException {
            long target = requests.get() + more;
            long deadline = System.currentTimeMillis() + 60_000;
            while (requests.get() < target && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        private void run() {
            while (running.get()) {
                check("/p/zd");
                check("/api/scaffolder/v2/actions");
            }
        }

        private void check(String path) {
            try {
                HttpResponse<String> response = portal.get(path);
                requests.incrementAndGet();
                String body = response.body();
                int status = response.statusCode();
                boolean gone = path.startsWith("/p/") ? status == 404 : status == 200 && !body.contains("zd:echo");
                if (removalAllowed && gone) {
                    return;
                }
                if (status != 200) {
                    failures.add(path + " -> " + status);
                } else if (path.startsWith("/p/")) {
                    Matcher m = VERSION.matcher(body);
                    if (m.find()) {
                        versions.add(m.group(1));
                    } else {
                        failures.add(path + " -> 200 without the plugin's markup"
                                + (body.contains("bl-plugin-error") ? " (an error box)" : ""));
                    }
                } else if (!body.contains("zd:echo")) {
                    failures.add(path + " -> 200 without the plugin's action");
                }
            } catch (Exception e) {
                requests.incrementAndGet();
                failures.add(path + " -> " + e);
            }
        }
    }

}
