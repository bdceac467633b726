package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code git} locations: a file of a branch in a real repository, read through JGit with the url limits. */
class GitLocationTest {

    @TempDir
    Path dir;

    private Path data() throws Exception {
        Path data = dir.resolve("data");
        Path bare = data.resolve("git/team/orders.git");
        Files.createDirectories(bare.getParent());
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        Path work = dir.resolve("work");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve("catalog-info.yaml"), "kind: Component\n");
            Files.writeString(work.resolve("big.txt"), "x".repeat(5000));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setAuthor("t", "t@x").setCommitter("t", "t@x").setSign(false).call();
            git.push().setRemote(bare.toUri().toString()).setRefSpecs(new org.eclipse.jgit.transport.RefSpec("main:main")).call();
        }
        return data;
    }

    private PolicyFetcher fetcher(Path data) {
        return new PolicyFetcher(new ReadPolicy(List.of(), List.of(), 4096, 100, Duration.ofSeconds(5), 5, 100, data,
                List.of()), PolicyFetcher.httpClient(ReadPolicy.of(List.of(), List.of())));
    }

    @Test
    void aFileOfTheportalsOwnRepositoryIsReadFromItsGitFolder() throws Exception {
        PolicyFetcher fetcher = fetcher(data());
        byte[] content = fetcher.fetch(LocationRef.parse(
                "git:http://127.0.0.1:8080/git/team/orders.git/blob/main/catalog-info.yaml"));
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("kind: Component\n");
    }

    @Test
    void missingFilesBranchesAndRepositoriesAreNotFound() throws Exception {
        PolicyFetcher fetcher = fetcher(data());
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/team/orders.git/blob/main/nope.yaml")))
                .isInstanceOf(ReadException.class).hasMessageContaining("no file");
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/team/orders.git/blob/dev/catalog-info.yaml")))
                .hasMessageContaining("no branch");
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/team/other.git/blob/main/a.yaml")))
                .hasMessageContaining("no such repository");
    }

    @Test
    void theLimitsOfUrlLocationsApply() throws Exception {
        PolicyFetcher fetcher = fetcher(data());
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/team/orders.git/blob/main/big.txt")))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:https://example.com/team/orders.git/blob/main/catalog-info.yaml")))
                .hasMessageContaining("not in the allowed hosts");
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/../db.git/blob/main/x")))
                .isInstanceOf(ReadException.class);
        assertThatThrownBy(() -> fetcher.fetch(LocationRef.parse("git:http://127.0.0.1:8080/git/team/orders.git/blob/main/../../x")))
                .hasMessageContaining("'..'");
    }
}
