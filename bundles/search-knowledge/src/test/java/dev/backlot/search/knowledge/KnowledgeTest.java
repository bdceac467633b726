package dev.backlot.search.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnowledgeTest {

    static final String POSTS = """
            <?xml version="1.0" encoding="utf-8"?>
            <posts>
              <row Id="3" PostTypeId="2" ParentId="1" Score="7" Body="&lt;p&gt;Set &lt;code&gt;retries: 3&lt;/code&gt; in the client.&lt;/p&gt;" />
              <row Id="1" PostTypeId="1" AcceptedAnswerId="3" Score="12" Title="How do I retry a failed payment?"
                   Body="&lt;p&gt;Payments time out sometimes.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;" Tags="&lt;payments&gt;&lt;retries&gt;" />
              <row Id="2" PostTypeId="1" Score="1" Title="Unanswered" Body="&lt;p&gt;Anyone?&lt;/p&gt;" Tags="|misc|" />
              <row Id="4" PostTypeId="2" ParentId="2" Body="not accepted" />
            </posts>
            """;

    @Test
    void questionsCarryTheirAcceptedAnswerTagsAndScore() throws Exception {
        var docs = QuestionsCollator.parse(POSTS.getBytes(StandardCharsets.UTF_8), "https://qna.example.com");
        assertThat(docs).hasSize(2);
        var first = docs.get(0);
        assertThat(first.title()).isEqualTo("How do I retry a failed payment?");
        assertThat(first.location()).isEqualTo("https://qna.example.com/questions/1");
        assertThat(first.text()).contains("Payments time out", "Accepted answer: Set retries: 3").doesNotContain("<", "alert");
        assertThat(first.fields()).containsEntry("tags", "payments,retries").containsEntry("score", "12")
                .containsEntry("answered", "yes");
        assertThat(docs.get(1).fields()).containsEntry("tags", "misc").containsEntry("answered", "no");
    }

    @Test
    void anExportWithADoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE posts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<posts><row Id=\"1\" PostTypeId=\"1\" Title=\"&x;\"/></posts>";
        assertThatThrownBy(() -> QuestionsCollator.parse(xxe.getBytes(StandardCharsets.UTF_8), "https://q"))
                .isInstanceOf(Exception.class);
    }

    @Test
    void wikiPagesGetTitlesFromHeadingsAndTextWithoutMarkup() {
        var md = WikiCollator.page("onboarding.md", "# Onboarding guide\n\nGet a **laptop** from [IT](https://it).".getBytes(),
                "https://wiki.example.com/onboarding").orElseThrow();
        assertThat(md.title()).isEqualTo("Onboarding guide");
        assertThat(md.text()).contains("Get a laptop from IT").doesNotContain("**", "](");
        var html = WikiCollator.page("x.html", "<html><title>Deploys</title><body><h1>Deploys</h1><p>Friday &amp; never</p><script>x()</script></body></html>".getBytes(),
                "https://wiki.example.com/x").orElseThrow();
        assertThat(html.title()).isEqualTo("Deploys");
        assertThat(html.text()).contains("Friday & never").doesNotContain("x()");
    }
}
