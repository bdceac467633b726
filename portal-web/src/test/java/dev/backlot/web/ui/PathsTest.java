package dev.backlot.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paths under which plugin fragments and files are addressed, and the tricks they refuse. */
class PathsTest {

    @Test
    void fragmentPathCarriesBundleRevisionAndEntry() {
        FragmentPath path = FragmentPath.parse("/plugin/12/1732112233445/ui/card.xhtml").orElseThrow();

        assertThat(path.bundleId()).isEqualTo(12);
        assertThat(path.revision()).isEqualTo(1732112233445L);
        assertThat(path.entry().value()).isEqualTo("/ui/card.xhtml");
        assertThat(path.path()).isEqualTo("/plugin/12/1732112233445/ui/card.xhtml");
    }

    @Test
    void fragmentPathRefusesOtherShapesAndEscapes() {
        assertThat(FragmentPath.parse("/index.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/ui.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/x/1/ui/card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/-1/ui/card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/99999999999999999999/ui/card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/1/../secret.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/1/ui/./card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/1/ui\\card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse("/plugin/12/1/ui//card.xhtml")).isEmpty();
        assertThat(FragmentPath.parse(null)).isEmpty();
    }

    @Test
    void staticPathMapsToAnEntryBelowStatic() {
        StaticResourcePath path = StaticResourcePath.parse("/plugin-resources/dev.backlot.example-ui/42/img/logo big.svg")
                .orElseThrow();

        assertThat(path.symbolicName()).isEqualTo("dev.backlot.example-ui");
        assertThat(path.revision()).isEqualTo(42);
        assertThat(path.entry().value()).isEqualTo("/static/img/logo big.svg");
        assertThat(path.urlPath()).isEqualTo("/plugin-resources/dev.backlot.example-ui/42/img/logo%20big.svg");
    }

    @Test
    void staticPathRefusesEveryWayOutOfTheStaticFolder() {
        String base = "/plugin-resources/dev.backlot.example-ui/42/";
        assertThat(StaticResourcePath.parse(base + "../ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "img/../../ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "./ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "x\u0000.css")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "x;jsessionid=1.css")).isEmpty();
        // still encoded after the container's decoding: an escape encoded twice, refused
        assertThat(StaticResourcePath.parse(base + "%2e%2e/ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "%2E%2E/ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + ".%2e/ui/card.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "a%2f..%2f..%2fui%2fcard.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "..%5cui%5ccard.xhtml")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "img\\..\\..\\x")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "%252e%252e/x")).isEmpty(); // double-encoded: '%' is refused after one decode
        assertThat(StaticResourcePath.parse(base + "x%00.css")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "bad%zzescape.css")).isEmpty();
        assertThat(StaticResourcePath.parse(base + "img/")).isEmpty();
        assertThat(StaticResourcePath.parse(base)).isEmpty();
    }

    @Test
    void staticPathRefusesOddNamesAndRevisions() {
        assertThat(StaticResourcePath.parse("/plugin-resources/dev.backlot.x/abc/app.css")).isEmpty();
        assertThat(StaticResourcePath.parse("/plugin-resources/dev%2fx/1/app.css")).isEmpty();
        assertThat(StaticResourcePath.parse("/plugin-resources/.hidden/1/app.css")).isEmpty();
        assertThat(StaticResourcePath.parse("/plugin-resources/dev.backlot.x/1")).isEmpty();
        assertThat(StaticResourcePath.parse("/elsewhere/dev.backlot.x/1/app.css")).isEmpty();
    }

    @Test
    void pluginResourcesGiveTheUrlOfAStaticFileAndRefuseToLeaveIt() {
        PluginResources resources = new PluginResources("/portal", "dev.backlot.example-ui", 7);

        assertThat(resources.url("example-ui.css")).isEqualTo("/portal/plugin-resources/dev.backlot.example-ui/7/example-ui.css");
        assertThat(resources.url("/img/a b.png")).isEqualTo("/portal/plugin-resources/dev.backlot.example-ui/7/img/a%20b.png");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resources.url("../ui/card.xhtml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../ui/card.xhtml");
    }
}
