package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RelationsGraphTest {

    private static Entity.Relation rel(String type, String ref) {
        return new Entity.Relation(type, EntityRef.parse(ref, null, "default"));
    }

    @Test
    void drawsOneLinkedNodePerRelationAroundTheCentre() {
        String svg = RelationsGraph.svg("payment-service", List.of(rel("ownedBy", "group:default/payments"),
                rel("providesApi", "api:default/payments-api"), rel("dependsOn", "resource:default/payments-db")), "/ctx");

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(Pattern.compile("<a href=").matcher(svg).results().count()).isEqualTo(3);
        assertThat(svg).contains("href=\"/ctx/catalog/default/group/payments\"", "href=\"/ctx/catalog/default/api/payments-api\"")
                .contains(">ownedBy</text>", ">providesApi</text>", ">dependsOn</text>")
                .contains(">payment-service</text>");
        assertThat(Pattern.compile("<line ").matcher(svg).results().count()).isEqualTo(3);
    }

    @Test
    void escapesEveryText() {
        String svg = RelationsGraph.svg("<script>alert(1)</script>", List.of(rel("x\"><b>", "component:default/a<b>&c")), "");

        assertThat(svg).doesNotContain("<script>", "<b>", "x\">")
                .contains("&lt;script&gt;", "x&quot;&gt;&lt;b&gt;", "a&lt;b&gt;&amp;c");
    }

    @Test
    void anEntityWithoutRelationsIsJustTheCentre() {
        String svg = RelationsGraph.svg("user:ada", List.of(), "");

        assertThat(svg).contains("bl-graph-centre").doesNotContain("<a ", "<line");
    }
}
