package dev.backlot.techdocs.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.backlot.catalog.internal.read.PolicyLocationReader;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.model.Entity;
import dev.backlot.techdocs.DocsNavItem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs read from elsewhere than the disk: {@code url:} a plain web folder (a local HTTP server) or a git
 * repository (a local bare repository, read as the portal's own), and {@code dir:} beside descriptors
 * read from url and git locations; all under the catalog's read policy.
 */
class RemoteDocsTest {

    @TempDir
    Path dir;
    HttpServer server;
    String base;
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final List<String> requested = new CopyOnWriteArrayList<>();
    PolicyLocationReader reader;
    SiteBuilder builder;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requested.add(path);
            byte[] body = served.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null || body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
        String host = "127.0.0.1:" + server.getAddress().getPort();
        base = "http://" + host;
        Path data = Files.createDirectories(dir.resolve("data"));
        reader = new PolicyLocationReader(new ReadPolicy(List.of(dir.resolve("repo")), List.of(host), 64 * 1024, 10,
                Duration.ofSeconds(5), 10, 100, data, List.of()));
        builder = new SiteBuilder(new SiteStore(data.resolve("techdocs")), DocsFixture.renderers(), Limits.DEFAULT);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, String text) {
        served.put(path, text.getBytes(UTF_8));
    }

    private static Entity entity(String techdocsRef, String location) {
        Map<String, Object> annotations = new java.util.LinkedHashMap<>();
        annotations.put("backstage.io/techdocs-ref", techdocsRef);
        if (location != null) {
            annotations.put("backstage.io/managed-by-location", location);
        }
        return new Entity("backstage.io/v1alpha1", "Component", Map.of("name", "payments", "namespace", "default",
                "annotations", annotations), Map.of("owner", "team-a"), List.of());
    }

    private SiteBuilder.Outcome build(Entity entity, BuildLog log) throws Exception {
        DocsLocation location = DocsLocation.of(entity, reader);
        SiteBuilder.Outcome outcome = builder.build(entity, location, true, null, log);
        if (outcome instanceof SiteBuilder.WaitingForAsciidoctor waiting) {
            waiting.started().get(180, java.util.concurrent.TimeUnit.SECONDS);
            outcome = builder.build(entity, location, true, null, log);
        }
        return outcome;
    }

    private SiteBuilder.Built built(Entity entity, BuildLog log) throws Exception {
        SiteBuilder.Outcome outcome = build(entity, log);
        assertThat(outcome).as("log %s", log.lines()).isInstanceOf(SiteBuilder.Built.class);
        return (SiteBuilder.Built) outcome;
    }

    /** Why the build failed: the location refused (as the service reports it) or the build failed. */
    private String failure(Entity entity) throws Exception {
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome outcome;
        try {
            outcome = build(entity, log);
        } catch (DocsLocation.Refused e) {
            return e.getMessage();
        }
        assertThat(outcome).as("log %s", log.lines()).isInstanceOf(SiteBuilder.Failed.class);
        return ((SiteBuilder.Failed) outcome).reason();
    }

    private void mkdocsOverHttp() {
        serve("/site/mkdocs.yml", """
                site_name: Remote docs
                nav:
                  - Home: index.md
                  - Guide: guide/setup.md
                  - Escape: ../secret.md
                  - Elsewhere: https://other.example/page.md
                """);
        serve("/site/docs/index.md", "# Home\n\n![diagram](img/flow.png) and ![up](../../outside.png)\n");
        serve("/site/docs/guide/setup.md", "# Setup\n\n<img src=\"../img/shot.svg\">\n");
        serve("/site/docs/img/flow.png", "png bytes");
        serve("/site/docs/img/shot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        serve("/secret.md", "# secret");
        serve("/site/secret.md", "# secret");
    }

    @Test
    void aWebFolderIsReadThroughItsMkdocsNavWithTheImagesItsPagesShow() throws Exception {
        mkdocsOverHttp();
        BuildLog log = new BuildLog();

        SiteBuilder.Built built = built(entity("url:" + base + "/site/", null), log);

        assertThat(built.site().siteName()).isEqualTo("Remote docs");
        assertThat(built.site().pages()).extracting(StoredSite.StoredPage::path).containsExactly("", "guide/setup/");
        assertThat(built.site().assets()).containsExactlyInAnyOrder("img/flow.png", "img/shot.svg");
        assertThat(built.site().nav()).extracting(DocsNavItem::title).contains("Home", "Guide");
        assertThat(requested).contains("/site/mkdocs.yml", "/site/docs/index.md", "/site/docs/guide/setup.md",
                "/site/docs/img/flow.png", "/site/docs/img/shot.svg");
        assertThat(requested).noneMatch(p -> p.contains("secret") || p.contains("outside"));
    }

    @Test
    void navEntriesThatLeaveTheFolderOrNameAnotherServerAreNotFetchedAndWarned() throws Exception {
        mkdocsOverHttp();
        BuildLog log = new BuildLog();

        built(entity("url:" + base + "/site/mkdocs.yml", null), log);

        assertThat(log.lines()).anyMatch(l -> l.contains("nav entry ../secret.md not fetched: it leaves the docs folder"));
        assertThat(log.lines()).anyMatch(l -> l.contains("nav entry https://other.example/page.md not fetched"));
        assertThat(log.lines()).anyMatch(l -> l.contains("image ../../outside.png not fetched: it leaves the docs folder"));
        assertThat(requested).noneMatch(p -> p.contains("secret") || p.contains("outside"));
    }

    @Test
    void withoutANavOnlyIndexMdIsFoundOverHttp() throws Exception {
        serve("/plain/mkdocs.yml", "site_name: Plain\n");
        serve("/plain/docs/index.md", "# Only page\n");
        serve("/plain/docs/other.md", "# Never found\n");
        BuildLog log = new BuildLog();

        SiteBuilder.Built built = built(entity("url:" + base + "/plain", null), log);

        assertThat(built.site().pages()).extracting(StoredSite.StoredPage::path).containsExactly("");
        assertThat(log.lines()).anyMatch(l -> l.contains("has no nav: only index.md can be found"));
    }

    @Test
    void aWebFolderWithoutMkdocsYmlFailsSayingWhy() throws Exception {
        serve("/bare/docs/index.md", "# Home\n");

        assertThat(failure(entity("url:" + base + "/bare/", null))).contains("no mkdocs.yml at " + base + "/bare/");
    }

    @Test
    void aHostOffTheAllowListIsAFailedBuildWithTheReasonAndNoRequest() throws Exception {
        mkdocsOverHttp();
        String other = "http://localhost:" + server.getAddress().getPort() + "/site/";

        assertThat(failure(entity("url:" + other, null))).contains("is not in the url allow list");
        assertThat(requested).isEmpty();
    }

    @Test
    void aPageOverTheSizeCapFailsTheBuild() throws Exception {
        mkdocsOverHttp();
        served.put("/site/docs/guide/setup.md", "x".repeat(65 * 1024).getBytes(UTF_8));

        assertThat(failure(entity("url:" + base + "/site/", null))).contains("maxFileBytes=65536");
    }

    @Test
    void dirIsResolvedAgainstADescriptorReadFromAUrl() throws Exception {
        mkdocsOverHttp();

        SiteBuilder.Built built = built(entity("dir:./site", "url:" + base + "/catalog-info.yaml"), new BuildLog());

        assertThat(built.site().pages()).hasSize(2);
        assertThat(failure(entity("dir:../../..", "url:" + base + "/a/catalog-info.yaml"))).contains("climbs above the root");
    }

    // --- git ---

    /** A bare repository of the portal's own ({@code <data>/git/team/handbook.git}), default branch main. */
    private String handbookRepository() throws Exception {
        Path work = dir.resolve("work");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            write(work, "catalog-info.yaml", "kind: Component\nmetadata: {name: payments}\n");
            write(work, "handbook/mkdocs.yml", "site_name: Handbook\nnav:\n  - Home: index.md\n  - Escape: ../../x.md\n");
            write(work, "handbook/docs/index.md", "# Handbook\n\nSee [ops](ops.md).\n");
            write(work, "handbook/docs/ops.md", "# Operations\n");
            write(work, "handbook/docs/.hidden.md", "# hidden\n");
            write(work, "guide/index.adoc", "= Guide\n\ninclude::partials/intro.adoc[]\n\ninclude::../catalog-info.yaml[]\n");
            write(work, "guide/partials/intro.adoc", "Included from the repository.\n");
            Files.createSymbolicLink(work.resolve("handbook/docs/passwd.md"), Path.of("/etc/passwd"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("docs").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        Path bare = dir.resolve("data/git/team/handbook.git");
        Git.cloneRepository().setURI(work.toUri().toString()).setBare(true).setDirectory(bare.toFile()).call().close();
        return "http://127.0.0.1:8080/git/team/handbook.git";
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aFolderOfAGitBranchIsReadThroughJgitSkippingLinksAndHiddenFiles() throws Exception {
        String clone = handbookRepository();
        BuildLog log = new BuildLog();

        SiteBuilder.Built built = built(entity("url:" + clone + "/tree/main/handbook", null), log);

        assertThat(built.site().siteName()).isEqualTo("Handbook");
        assertThat(built.site().pages()).extracting(StoredSite.StoredPage::path).containsExactly("", "ops/");
        assertThat(log.lines()).anyMatch(l -> l.contains("docs/passwd.md: symbolic link skipped"));
        assertThat(log.lines()).anyMatch(l -> l.contains("nav entry ../../x.md refused: it leaves the docs folder"));
    }

    @Test
    void asciidocIncludesInAGitFolderAreServedFromItAndJailedToIt() throws Exception {
        String clone = handbookRepository();
        BuildLog log = new BuildLog();
        Entity entity = entity("url:" + clone + "/tree/main/guide", null);

        StoredSite site = built(entity, log).site();

        SiteStore store = new SiteStore(dir.resolve("data/techdocs"));
        String html = Files.readString(store.file(entity.ref(), site, "index.html").orElseThrow());
        assertThat(html).contains("Included from the repository.").doesNotContain("kind: Component");
        assertThat(log.lines()).anyMatch(l -> l.contains("include of ../catalog-info.yaml refused"));
    }

    @Test
    void aCloneUrlAloneReadsTheRootOfTheDefaultBranch() throws Exception {
        String clone = handbookRepository();

        SiteBuilder.Built root = built(entity("url:" + clone, null), new BuildLog());

        assertThat(root.site().pages()).extracting(StoredSite.StoredPage::path)
                .contains("handbook/docs/", "handbook/docs/ops/");
        assertThat(failure(entity("url:" + clone + "/tree/develop/handbook", null))).contains("no branch develop");
        assertThat(failure(entity("url:" + clone + "/tree/main/nowhere", null))).contains("no folder nowhere");
    }

    @Test
    void dirIsResolvedInsideTheRepositoryOfAGitLocation() throws Exception {
        String clone = handbookRepository();

        SiteBuilder.Built built = built(entity("dir:handbook", "git:" + clone + "/blob/main/catalog-info.yaml"),
                new BuildLog());

        assertThat(built.site().pages()).hasSize(2);
        assertThat(failure(entity("dir:../..", "git:" + clone + "/blob/main/catalog-info.yaml")))
                .contains("climbs out of the repository");
    }

    @Test
    void aGitFolderOverTheFileCountLimitFailsTheBuild() throws Exception {
        String clone = handbookRepository();
        builder = new SiteBuilder(new SiteStore(dir.resolve("data/techdocs")), DocsFixture.renderers(),
                new Limits(2, 1024, 1024 * 1024, 1024, 32, 20_000, 60_000));

        assertThat(failure(entity("url:" + clone + "/tree/main/handbook", null))).contains("has more than 2 files");
    }

    @Test
    void aHostedTreeUrlOnAHostOffTheAllowListIsRefused() throws Exception {
        assertThat(failure(entity("url:https://github.com/backlot/payments/tree/main/docs", null)))
                .contains("git folder 'https://github.com/backlot/payments.git main docs'")
                .contains("host github.com is not in the allowed hosts");
        assertThat(failure(entity("url:https://gitlab.example/group/sub/payments/-/tree/main/docs", null)))
                .contains("git folder 'https://gitlab.example/group/sub/payments.git main docs'");
        assertThat(failure(entity("dir:docs", "url:https://github.com/backlot/payments/blob/main/catalog-info.yaml")))
                .contains("git folder 'https://github.com/backlot/payments.git main docs'");
    }
}
