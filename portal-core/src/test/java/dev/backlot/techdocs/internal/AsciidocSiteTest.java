package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.techdocs.DocsNavItem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsciiDoc sites through the process-wide Asciidoctor, including the hostile cases. */
class AsciidocSiteTest {

    @TempDir
    Path dir;
    DocsFixture docs;

    @BeforeEach
    void setUp() throws Exception {
        docs = new DocsFixture(dir);
    }

    @Test
    void anAsciidocFolderBuildsWithNavIncludesCrossReferencesAndHighlighting() throws Exception {
        docs.write("nav.adoc", "* xref:index.adoc[Home]\n* xref:usage.adoc[]\n** xref:deep/more.adoc[More]\n");
        docs.write("index.adoc", """
                = The library

                NOTE: Read this.

                == Intro

                See xref:usage.adoc#add[adding].

                include::partials/list.adoc[]
                """);
        docs.write("partials/list.adoc", "* included item\n");
        docs.write("usage.adoc", """
                = Usage

                [[add]]
                == Add

                [source,java]
                ----
                public class A {}
                ----
                """);
        docs.write("deep/more.adoc", "= More\n\nBack xref:../index.adoc[home].\n");

        SiteBuilder.Built built = docs.built();

        assertThat(built.site().nav()).extracting(DocsNavItem::title).containsExactly("Home", "Usage");
        assertThat(built.site().nav().get(1).children()).extracting(DocsNavItem::path).containsExactly("deep/more/");
        String home = docs.html("");
        assertThat(home).contains("The library", "td-admonitionblock", "included item",
                "href=\"/docs/default/component/payments/usage/#add\"");
        assertThat(docs.page("").toc()).extracting(h -> h.id()).containsExactly("intro");
        assertThat(docs.page("usage/").title()).isEqualTo("Usage");
        assertThat(docs.html("usage/")).contains("<span class=\"td-hl-k\">public</span>");
        assertThat(docs.html("deep/more/")).contains("href=\"/docs/default/component/payments/\"");
    }

    @Test
    void hostileAsciidocIsNeutralisedAndIncludesStayInTheFolder() throws Exception {
        Files.writeString(dir.resolve("repo/secret.adoc"), "TOP SECRET\n");
        docs.write("index.adoc", """
                = Evil

                ++++
                <script>alert(1)</script><iframe src="https://e.example"></iframe><form action="x"></form>
                ++++

                link:javascript:alert(2)[click] pass:[<img src=x onerror=alert(3)>]

                include::../secret.adoc[]

                include::/etc/passwd[]

                include::https://e.example/x.adoc[]

                image::../../outside.png[]

                [.position-fixed]
                Overlay?
                """);
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome outcome = docs.build(log);
        assertThat(outcome).as(log.lines().toString()).isInstanceOf(SiteBuilder.Built.class);
        String html = docs.html("");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<iframe").doesNotContain("<form")
                .doesNotContainIgnoringCase("javascript:").doesNotContain("onerror").doesNotContain("TOP SECRET")
                .doesNotContain("root:x:0:0").doesNotContain("outside.png").doesNotContain("class=\"position-fixed");
        assertThat(log.lines()).anyMatch(l -> l.contains("include of ../secret.adoc refused"))
                .anyMatch(l -> l.contains("include of /etc/passwd refused"));
    }

    @Test
    void aChangedPageIsTheOnlyOneRenderedAgain() throws Exception {
        for (int i = 0; i < 5; i++) {
            docs.write("p" + i + ".adoc", "= Page " + i + "\n\nText.\n");
        }
        docs.write("index.adoc", "= Home\n");
        docs.built();
        docs.write("p3.adoc", "= Page three\n");
        SiteBuilder.Built again = docs.built();
        assertThat(again.rendered()).isEqualTo(1);
        assertThat(docs.page("p3/").title()).isEqualTo("Page three");
    }
}
