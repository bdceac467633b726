package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceHighlighterTest {

    @Test
    void marksYamlKeysStringsNumbersAndComments() {
        String html = SourceHighlighter.highlight("openapi: 3.0.3 # version\n  - name: \"id\"\n    required: true");

        assertThat(html).contains("<span class=\"bl-hl-key\">openapi</span>:")
                .contains("<span class=\"bl-hl-comment\"># version</span>")
                .contains("  - <span class=\"bl-hl-key\">name</span>: <span class=\"bl-hl-string\">&quot;id&quot;</span>")
                .contains("<span class=\"bl-hl-literal\">true</span>");
        assertThat(SourceHighlighter.highlight("port: 8080")).contains("<span class=\"bl-hl-number\">8080</span>");
    }

    @Test
    void marksJsonKeys() {
        String html = SourceHighlighter.highlight("{\n  \"kind\" : \"API\",\n  \"n\" : 1\n}");

        assertThat(html).contains("<span class=\"bl-hl-key\">&quot;kind&quot;</span> :")
                .contains("<span class=\"bl-hl-string\">&quot;API&quot;</span>")
                .contains("<span class=\"bl-hl-number\">1</span>");
    }

    @Test
    void escapesHtmlEverywhere() {
        String html = SourceHighlighter.highlight("<b>: <script>alert('x')</script> # <i>\ndescription: a & b");

        assertThat(html).doesNotContain("<b>", "<script>", "<i>")
                .contains("&lt;script&gt;alert(", "&lt;i&gt;", "a &amp; b");
    }

    @Test
    void keepsLinesAndTextThatIsNotATokenAsItIs() {
        assertThat(SourceHighlighter.highlight("a\n\nb")).isEqualTo("a\n\nb");
        assertThat(SourceHighlighter.highlight("url: http://x/#frag")).contains("http://x/#frag").doesNotContain("bl-hl-comment");
    }
}
