package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per case of the Safety section, with hostile Markdown documents. */
class SafetyTest {

    @TempDir
    Path dir;
    DocsFixture docs;

    @BeforeEach
    void setUp() throws Exception {
        docs = new DocsFixture(dir);
    }

    private String page(String markdown) throws Exception {
        docs.write("index.md", "# Page\n\n" + markdown + "\n");
        docs.built();
        return docs.html("");
    }

    @Test
    void scriptsAreRemoved() throws Exception {
        assertThat(page("<script>alert(1)</script>\n\n<svg><script>alert(2)</script></svg>")).doesNotContainIgnoringCase("<script")
                .doesNotContain("alert(1)");
    }

    @Test
    void eventHandlersAreRemoved() throws Exception {
        assertThat(page("<img src=\"a.png\" onerror=\"alert(1)\"> <a href=\"#x\" onclick=\"alert(2)\">x</a> <div onmouseover=\"x()\">y</div>"))
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onmouseover");
    }

    @Test
    void javascriptVbscriptAndDataUrlsAreRemovedButRasterDataImagesStay() throws Exception {
        String html = page("""
                [a](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">b</a> <a href="&#106;avascript:alert(3)">c</a>
                <a href="vbscript:msgbox(1)">d</a> <a href="data:text/html;base64,PHNjcmlwdD4=">e</a>
                <img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="> <img alt="dot" src="data:image/png;base64,iVBORw0KGgo=">
                """);
        assertThat(html).doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("vbscript:")
                .doesNotContain("data:text/html").doesNotContain("data:image/svg").contains("data:image/png;base64,iVBORw0KGgo=");
    }

    @Test
    void framesObjectsAndFormsAreRemoved() throws Exception {
        assertThat(page("<iframe src=\"https://e.example\"></iframe><object data=\"x\"></object><embed src=\"y\">"
                + "<form action=\"https://e.example\"><input type=\"text\" name=\"q\"><button>go</button></form>"))
                .doesNotContain("<iframe").doesNotContain("<object").doesNotContain("<embed").doesNotContain("<form")
                .doesNotContain("type=\"text\"");
    }

    @Test
    void stylesAndPortalClassesCannotEscapeThePage() throws Exception {
        String html = page("<style>body{display:none}</style><div style=\"position:fixed;inset:0\" class=\"ui-widget-overlay bl-header\">x</div>");
        assertThat(html).doesNotContain("<style").doesNotContain("style=").doesNotContain("position:fixed")
                .contains("class=\"td-ui-widget-overlay td-bl-header\"");
    }

    @Test
    void linksAndImagesThatLeaveTheDocsFolderAreRefusedWithAWarning() throws Exception {
        docs.write("index.md", "# P\n\n[out](../../../../etc/passwd) ![img](../secret.png)\n");
        BuildLog log = new BuildLog();
        docs.build(log);
        assertThat(docs.html("")).doesNotContain("etc/passwd\"").doesNotContain("secret.png");
        assertThat(log.lines()).anyMatch(l -> l.contains("leaves the docs folder"));
    }

    @Test
    void navEntriesAndDocsDirThatLeaveTheFolderAreRefused() throws Exception {
        docs.write("mkdocs.yml", "site_name: x\ndocs_dir: ../../outside\nnav:\n  - Out: ../../../etc/passwd\n  - Home: index.md\n");
        docs.write("docs/index.md", "# Home\n");
        BuildLog log = new BuildLog();
        SiteBuilder.Outcome outcome = docs.build(log);
        assertThat(outcome).isInstanceOf(SiteBuilder.Built.class);
        assertThat(((SiteBuilder.Built) outcome).site().nav()).extracting(n -> n.title()).containsExactly("Home");
        assertThat(log.lines()).anyMatch(l -> l.contains("docs_dir")).anyMatch(l -> l.contains("nav entry"));
    }

    @Test
    void symbolicLinksOutOfTheFolderAreNotFollowed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.md"), "# Secret\nTOP SECRET\n");
        docs.write("index.md", "# Home\n");
        Files.createSymbolicLink(docs.docs.resolve("leak.md"), secret);
        BuildLog log = new BuildLog();
        SiteBuilder.Built built = (SiteBuilder.Built) docs.build(log);
        assertThat(built.site().pages()).extracting(p -> p.path()).containsExactly("");
        assertThat(log.lines()).anyMatch(l -> l.contains("symbolic link skipped"));
    }

    @Test
    void aHugePageFailsItsBuildWithAReason() throws Exception {
        docs.write("index.md", "# Big\n" + "word ".repeat(300_000));
        assertThat(docs.failure()).contains("index.md is").contains("limit for one page");
    }

    @Test
    void aDeeplyNestedPageFailsItsBuildWithAReason() throws Exception {
        docs.write("index.md", "# Deep\n" + ">".repeat(50_000) + " x\n");
        assertThat(docs.failure()).contains("nested deeper than");
    }

    @Test
    void aHugeFolderFailsItsBuildWithAReason() throws Exception {
        docs.write("index.md", "# Home\n");
        Files.write(docs.docs.resolve("big.bin"), new byte[11 * 1024 * 1024]);
        assertThat(docs.failure()).contains("big.bin").contains("limit for one file");
    }
}
