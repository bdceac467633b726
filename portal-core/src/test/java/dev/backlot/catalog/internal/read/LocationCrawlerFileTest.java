package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationCrawlerFileTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;
    LocationCrawler crawler;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        outside = Files.createDirectories(tmp.resolve("outside")).toRealPath();
        ReadPolicy policy = ReadPolicy.of(List.of(root), List.of());
        crawler = new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
    }

    private Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static LocationRef file(Path path) {
        return new LocationRef("file", path.toString());
    }

    private static List<String> names(CrawlResult result) {
        return TestTrees.names(result);
    }

    @Test
    void directoryTargetReadsEveryNestedCatalogInfoAndSkipsHiddenDirectories() throws IOException {
        write(root.resolve("a/catalog-info.yaml"), "kind: Component\nmetadata: {name: a}\n");
        write(root.resolve("b/c/d/catalog-info.yaml"), "kind: Component\nmetadata: {name: d}\n");
        write(root.resolve(".git/catalog-info.yaml"), "kind: Component\nmetadata: {name: hidden}\n");
        write(root.resolve("b/other.yaml"), "kind: Component\nmetadata: {name: other}\n");

        CrawlResult result = crawler.crawl(file(root));

        assertThat(names(result)).containsExactly("a", "d");
        assertThat(result.errors()).isEmpty();
        assertThat(result.entities().get(1).location()).isEqualTo(file(root.resolve("b/c/d/catalog-info.yaml")));
    }

    @Test
    void everyEntityNamesTheLocationsWhoseTargetsLedToIt() throws IOException {
        write(root.resolve("catalog-info.yaml"), "kind: Location\nmetadata: {name: Top}\nspec: {targets: [./a.yaml, ./dir]}\n");
        write(root.resolve("a.yaml"), "kind: Location\nmetadata: {name: mid, namespace: Ops}\nspec: {target: ./dir/catalog-info.yaml}\n");
        write(root.resolve("dir/catalog-info.yaml"), "kind: Component\nmetadata: {name: svc}\n");

        CrawlResult result = crawler.crawl(file(root.resolve("catalog-info.yaml")), "location:default/generated-x");

        assertThat(names(result)).containsExactly("Top", "mid", "svc");
        assertThat(result.entities().get(0).parentRefs()).containsExactly("location:default/generated-x");
        assertThat(result.entities().get(1).parentRefs()).containsExactly("location:default/top");
        // read once, reached twice: through the folder Top targets and through mid
        assertThat(result.entities().get(2).parentRefs())
                .containsExactlyInAnyOrder("location:ops/mid", "location:default/top");
        assertThat(crawler.crawl(file(root.resolve("dir"))).entities().get(0).parentRefs()).isEmpty();
    }

    @Test
    void directoryWalkStopsAtMaxFilesPerLocationWithAnError() throws IOException {
        for (int i = 0; i < 3; i++) {
            write(root.resolve("d" + i + "/catalog-info.yaml"), "kind: Component\nmetadata: {name: c" + i + "}\n");
        }
        ReadPolicy two = new ReadPolicy(List.of(root), List.of(), 1000, 10, ReadPolicy.DEFAULT_URL_TIMEOUT, 10, 2);

        CrawlResult result = new LocationCrawler(two, PolicyFetcher.httpClient(two)).crawl(file(root));

        assertThat(result.entities()).hasSize(2);
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("maxFilesPerLocation=2"));
    }

    @Test
    void locationTargetsAreResolvedAgainstTheLocationFileAndRead() throws IOException {
        write(root.resolve("all.yaml"), "kind: Location\nmetadata: {name: all}\nspec:\n  target: ./teams/a.yaml\n  targets: [sub/]\n");
        write(root.resolve("teams/a.yaml"), "kind: Group\nmetadata: {name: team-a}\n");
        write(root.resolve("sub/x/catalog-info.yaml"), "kind: Component\nmetadata: {name: x}\n");

        CrawlResult result = crawler.crawl(file(root.resolve("all.yaml")));

        assertThat(names(result)).containsExactly("all", "team-a", "x");
        assertThat(result.errors()).isEmpty();
        assertThat(result.filesRead()).containsExactly(root.resolve("all.yaml"), root.resolve("teams/a.yaml"),
                root.resolve("sub/x/catalog-info.yaml"));
    }

    @Test
    void locationAnnotationsNameTheFileAndTheRootAndKeepOtherAnnotations() throws IOException {
        write(root.resolve("all.yaml"), "kind: Location\nmetadata: {name: all}\nspec: {target: c.yaml}\n");
        write(root.resolve("c.yaml"), "kind: Component\nmetadata:\n  name: c\n  annotations:\n"
                + "    backstage.io/managed-by-location: 'url:https://forged'\n    team: blue\n");

        CrawlResult result = crawler.crawl(file(root.resolve("all.yaml")));

        Map<String, Object> annotations = TestTrees.annotations(result.entities().get(1));
        assertThat(annotations).containsEntry("backstage.io/managed-by-location", "file:" + root.resolve("c.yaml"))
                .containsEntry("backstage.io/managed-by-origin-location", "file:" + root.resolve("all.yaml"))
                .containsEntry("team", "blue")
                .doesNotContainKey("backstage.io/source-location");
        Map<String, Object> rootAnnotations = TestTrees.annotations(result.entities().get(0));
        assertThat(rootAnnotations).containsEntry("backstage.io/managed-by-location", "file:" + root.resolve("all.yaml"));
    }

    @Test
    void dotDotEscapeAndAbsolutePathOutsideTheRootsAreRefused() throws IOException {
        write(outside.resolve("secret.yaml"), "kind: Component\nmetadata: {name: secret}\n");
        write(root.resolve("all.yaml"), "kind: Location\nmetadata: {name: all}\nspec:\n  targets:\n"
                + "    - ../outside/secret.yaml\n    - " + outside.resolve("secret.yaml") + "\n");

        CrawlResult result = crawler.crawl(file(root.resolve("all.yaml")));

        assertThat(names(result)).containsExactly("all");
        assertThat(result.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message())
                .contains(outside.resolve("secret.yaml").toString()).contains("outside the allowed file roots").contains(root.toString()));
        assertThat(result.filesRead()).doesNotContain(outside.resolve("secret.yaml"));
    }

    @Test
    void rootLocationOutsideTheRootsIsRefused() throws IOException {
        write(outside.resolve("catalog-info.yaml"), "kind: Component\nmetadata: {name: secret}\n");

        CrawlResult result = crawler.crawl(file(outside.resolve("catalog-info.yaml")));

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("outside the allowed file roots"));
    }

    @Test
    void symbolicLinksLeadingOutOfTheRootsAreRefused() throws IOException {
        write(outside.resolve("secret.yaml"), "kind: Component\nmetadata: {name: secret}\n");
        write(outside.resolve("dir/catalog-info.yaml"), "kind: Component\nmetadata: {name: secret-dir}\n");
        Files.createSymbolicLink(root.resolve("link.yaml"), outside.resolve("secret.yaml"));
        Files.createDirectories(root.resolve("tree"));
        Files.createSymbolicLink(root.resolve("tree/escape"), outside.resolve("dir"));
        write(root.resolve("all.yaml"), "kind: Location\nmetadata: {name: all}\nspec: {targets: [link.yaml, tree]}\n");

        CrawlResult result = crawler.crawl(file(root.resolve("all.yaml")));

        assertThat(names(result)).containsExactly("all");
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0).message()).contains("link.yaml").contains("symbolic link outside the allowed file roots");
        assertThat(result.errors().get(1).message()).contains("escape").contains("outside the allowed file roots");
    }

    @Test
    void missingTargetIsAnErrorUnlessThePresenceIsOptional() throws IOException {
        write(root.resolve("required.yaml"), "kind: Location\nmetadata: {name: r}\nspec: {target: gone.yaml}\n");
        write(root.resolve("optional.yaml"), "kind: Location\nmetadata: {name: o}\nspec: {target: gone.yaml, presence: optional}\n");

        CrawlResult required = crawler.crawl(file(root.resolve("required.yaml")));
        CrawlResult optional = crawler.crawl(file(root.resolve("optional.yaml")));

        assertThat(required.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(file(root.resolve("gone.yaml")));
            assertThat(e.message()).contains("does not exist");
        });
        assertThat(optional.errors()).isEmpty();
    }

    @Test
    void cycleBetweenTwoLocationFilesReadsEachOnce() throws IOException {
        write(root.resolve("a.yaml"), "kind: Location\nmetadata: {name: a}\nspec: {target: ./b.yaml}\n");
        write(root.resolve("b.yaml"), "kind: location\nmetadata: {name: b}\nspec: {target: ./sub/../a.yaml}\n");

        CrawlResult result = crawler.crawl(file(root.resolve("a.yaml")));

        assertThat(names(result)).containsExactly("a", "b");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void locationNestingBeyondTheDepthLimitIsAnError() throws IOException {
        ReadPolicy shallow = new ReadPolicy(List.of(root), List.of(), 1000, 10, ReadPolicy.DEFAULT_URL_TIMEOUT, 1, 10);
        write(root.resolve("l0.yaml"), "kind: Location\nmetadata: {name: l0}\nspec: {target: l1.yaml}\n");
        write(root.resolve("l1.yaml"), "kind: Location\nmetadata: {name: l1}\nspec: {target: l2.yaml}\n");
        write(root.resolve("l2.yaml"), "kind: Component\nmetadata: {name: l2}\n");

        CrawlResult result = new LocationCrawler(shallow, PolicyFetcher.httpClient(shallow)).crawl(file(root.resolve("l0.yaml")));

        assertThat(names(result)).containsExactly("l0", "l1");
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("maxLocationDepth=1"));
    }

    @Test
    void badDocumentsCostOnlyThemselvesAndOddShapesNeverThrow() throws IOException {
        write(root.resolve("c.yaml"), "kind: Component\nmetadata: {name: ok}\n---\n- not an entity\n---\n"
                + "metadata: 5\nspec: [x]\n---\nkind: Location\nspec: nope\n---\nkind: Location\nspec: {targets: 7, type: ftp}\n");

        CrawlResult result = crawler.crawl(file(root.resolve("c.yaml")));

        assertThat(result.entities()).hasSize(4);
        assertThat(result.entities().get(1).entity()).containsEntry("metadata", 5);
        assertThat(result.errors()).extracting(ReadError::message).satisfiesExactly(
                m -> assertThat(m).contains("document 2").contains("a list, not an entity"),
                m -> assertThat(m).contains("no spec mapping"),
                m -> assertThat(m).contains("spec.type 'ftp'"));
    }

    @Test
    void onlyLeavesAreStampedAndAnUnchangedLeafIsNotParsedAgain() throws IOException {
        Path top = write(root.resolve("catalog-info.yaml"), "kind: Location\nmetadata: {name: top}\nspec: {targets: [./a.yaml, ./b.yaml]}\n");
        write(root.resolve("a.yaml"), "kind: Component\nmetadata: {name: a}\n");
        write(root.resolve("b.yaml"), "kind: Component\nmetadata: {name: b}\n---\nkind: Component\nmetadata: {name: b2}\n");

        CrawlResult first = crawler.crawl(file(top), "location:default/root");
        assertThat(first.stamps()).containsOnlyKeys(file(root.resolve("a.yaml")).toString(), file(root.resolve("b.yaml")).toString());
        write(root.resolve("b.yaml"), "kind: Component\nmetadata: {name: b3}\n");
        CrawlResult second = crawler.crawl(file(top), "location:default/root", first.stamps());

        assertThat(names(second)).containsExactly("top", "b3");
        assertThat(second.unchanged()).containsExactly(file(root.resolve("a.yaml")).toString());
        assertThat(second.stamps()).containsKeys(file(root.resolve("a.yaml")).toString(), file(root.resolve("b.yaml")).toString());
    }

    @Test
    void unchangedLeafReachedThroughOtherParentsIsParsedForItsNewParents() throws IOException {
        Path top = write(root.resolve("catalog-info.yaml"), "kind: Location\nmetadata: {name: top}\nspec: {targets: [./a.yaml]}\n");
        write(root.resolve("a.yaml"), "kind: Component\nmetadata: {name: a}\n");
        CrawlResult first = crawler.crawl(file(top), "location:default/root");

        write(root.resolve("catalog-info.yaml"), "kind: Location\nmetadata: {name: renamed}\nspec: {targets: [./a.yaml]}\n");
        CrawlResult second = crawler.crawl(file(top), "location:default/root", first.stamps());

        assertThat(names(second)).containsExactly("renamed", "a");
        assertThat(second.entities().get(1).parentRefs()).containsExactly("location:default/renamed");
        assertThat(second.unchanged()).isEmpty();
    }

    @Test
    void documentWithPlaceholdersOrErrorsIsNeverALeaf() throws IOException {
        Path top = write(root.resolve("catalog-info.yaml"), "kind: Location\nmetadata: {name: top}\nspec: {targets: [./a.yaml, ./b.yaml]}\n");
        write(root.resolve("a.yaml"), "kind: Component\nmetadata: {name: a, description: {$text: ./desc.txt}}\n");
        write(root.resolve("desc.txt"), "included");
        write(root.resolve("b.yaml"), "kind: Component\nmetadata: {name: b}\n---\n[not: a mapping\n");

        CrawlResult result = crawler.crawl(file(top), null);

        assertThat(result.stamps()).isEmpty();
        assertThat(crawler.crawl(file(top), null, result.stamps()).unchanged()).isEmpty();
    }
}
