package dev.backlot.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FragmentLinksTest {

    @Test
    void javascriptLinksFromAPluginBecomeText() {
        String out = FragmentLinks.neutralise("<p><a href=\"javascript:alert(document.domain)\">docs</a>"
                + "<a href=\"https://ok.example.com\">ok</a></p>");

        assertThat(out).doesNotContain("href=\"javascript").contains("data-unsafe-url=\"javascript:alert(document.domain)\"")
                .contains("<a href=\"https://ok.example.com\">ok</a>");
    }

    @Test
    void obfuscatedSchemesAreRecognisedAfterEntityDecoding() {
        for (String html : new String[] {"<a href=\"java&#115;cript:x\">a</a>", "<a HREF='  JAVASCRIPT:x'>a</a>",
                "<a href=\"java&#x09;script:x\">a</a>", "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
                "<form action=\"javascript:x\"><button formaction=\"vbscript:x\">b</button></form>",
                "<svg><a xlink:href=\"javascript:x\">a</a></svg>", "<img srcset=\"ok.png 1x, javascript:x 2x\">"}) {
            String out = FragmentLinks.neutralise(html);
            assertThat(out.toLowerCase()).as(html).doesNotContainPattern("(href|src|action|srcset)=\"[^\"]*(script|data):");
        }
    }

    @Test
    void markupWithoutUnsafeUrlsIsReturnedUntouched() {
        String html = "<div class=\"x\"><a href=\"/catalog/default/component/a\">a</a> <b>2:1</b><script nonce=\"n\">x()</script></div>";

        assertThat(FragmentLinks.neutralise(html)).isSameAs(html);
    }
}
