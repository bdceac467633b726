package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.techdocs.DocsNavItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSiteTest {

    @TempDir
    Path dir;
    DocsFixture docs;

    @BeforeEach
    void setUp() throws Exception {
        docs = new DocsFixture(dir);
    }

    private void mkdocsSite() throws Exception {
        docs.write("mkdocs.yml", """
                site_name: Payments docs
                nav:
                  - Home: index.md
                  - Guide:
                      - Setup: guide/setup.md
                  - External: https://example.org/
                plugins:
                  - techdocs-core
                """);
        docs.write("docs/index.md", """
                # Welcome

                See [setup](guide/setup.md#install) and ![arch](img/arch.png).

                | a | b |
                |---|---|
                | 1 | 2 |

                - [x] done
                - [ ] todo

                A claim[^1].

                [^1]: The source.

                !!! note "Heads up"
                    Inside **the** note.

                ## Second part
                ### Deeper
                """);
        docs.write("docs/guide/setup.md", """
                # Setup

                ## Install

                ```java
                public class A { String s = "x"; // note
                }
                ```

                Back [home](../index.md).
                """);
        docs.write("docs/img/arch.png", "not really a png");
    }

    @Test
    void mkdocsLayoutBuildsNavFromTheConfigAndRewritesLinks() throws Exception {
        mkdocsSite();
        SiteBuilder.Built built = docs.built();

        assertThat(built.site().siteName()).isEqualTo("Payments docs");
        assertThat(built.site().nav()).extracting(DocsNavItem::title).containsExactly("Home", "Guide", "External");
        assertThat(built.site().nav().get(1).children()).extracting(DocsNavItem::path).containsExactly("guide/setup/");
        assertThat(built.site().nav().get(2).url()).isEqualTo("https://example.org/");
        String home = docs.html("");
        assertThat(home).contains("href=\"/docs/default/component/payments/guide/setup/#install\"")
                .contains("src=\"/api/techdocs/static/docs/default/component/payments/img/arch.png\"")
                .contains("<table>").contains("type=\"checkbox\"").contains("td-admonition td-note")
                .contains("Heads up").contains("td-footnote");
        assertThat(docs.page("").toc()).extracting(h -> h.id()).containsExactly("second-part", "deeper");
        assertThat(docs.page("guide/setup/").editUrl()).isEqualTo("https://git.example/org/repo/edit/main/docs/guide/setup.md");
        assertThat(docs.html("guide/setup/")).contains("<span class=\"td-hl-k\">public</span>")
                .contains("<span class=\"td-hl-s\">\"x\"</span>").contains("href=\"/docs/default/component/payments/\"");
    }

    @Test
    void withoutANavTheFoldersMakeTheNavigation() throws Exception {
        docs.write("index.md", "# Home\n");
        docs.write("b-page.md", "# Bee\n");
        docs.write("guide/index.md", "# Guide home\n");
        docs.write("guide/z.md", "# Zed\n");

        SiteBuilder.Built built = docs.built();

        List<DocsNavItem> nav = built.site().nav();
        assertThat(nav).extracting(DocsNavItem::title).containsExactly("Home", "Bee", "Guide");
        assertThat(nav.get(2).children()).extracting(DocsNavItem::path).containsExactly("guide/", "guide/z/");
    }

    @Test
    void anUnchangedFolderIsNotBuiltAgainAndOneChangedPageIsTheOnlyOneRendered() throws Exception {
        mkdocsSite();
        docs.built();

        assertThat(docs.build(new BuildLog())).isInstanceOf(SiteBuilder.Unchanged.class);

        docs.write("docs/guide/setup.md", "# Setup again\n");
        SiteBuilder.Built again = docs.built();
        assertThat(again.rendered()).isEqualTo(1);
        assertThat(docs.page("guide/setup/").title()).isEqualTo("Setup again");
    }

    @Test
    void aFolderWithoutPagesFailsWithAReason() throws Exception {
        docs.write("notes.txt", "hello");
        assertThat(docs.failure()).contains("no pages found");
    }
}
