package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RelationsGraphTest {

    private static final Pattern RECT = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"");

    private static Entity.Relation rel(String type, String ref) {
        return new Entity.Relation(type, EntityRef.parse(ref, null, "default"));
    }

    private static RelationsGraph.Node node(String ref, String title) {
        EntityLink link = EntityLink.of(EntityRef.parse(ref, null, null));
        return new RelationsGraph.Node(ref, title, link.ref().kind(), link.path());
    }

    private static String draw(String centreRef, String centreTitle, List<Entity.Relation> relations, int columns) {
        Map<String, RelationsGraph.Node> nodes = new HashMap<>();
        relations.forEach(r -> nodes.put(r.targetRef().canonical(), node(r.targetRef().canonical(),
                "Title of " + r.targetRef().name())));
        return RelationsGraph.svg(node(centreRef, centreTitle), nodes, RelationsGraph.edgesOf(centreRef, relations), columns,
                "/ctx");
    }

    @Test
    void drawsOneLinkedNodePerRelatedEntityWithTitlesAndRelationsInWords() {
        String svg = draw("component:default/payment-service", "Payment service", List.of(rel("ownedBy", "group:default/payments"),
                rel("providesApi", "api:default/payments-api"), rel("dependsOn", "resource:default/payments-db")), 4);

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(Pattern.compile("<a href=").matcher(svg).results().count()).isEqualTo(3);
        assertThat(svg).contains("href=\"/ctx/catalog/default/group/payments\"", "href=\"/ctx/catalog/default/api/payments-api\"")
                .contains("owned by · group", "provides API · api", "depends on · resource")
                .contains(">Payment service</text>", ">Title of payments</text>");
        assertThat(Pattern.compile("<path class=\"bl-graph-edge\"").matcher(svg).results().count()).isEqualTo(3);
    }

    @Test
    void ownersAreDrawnAboveAndWhatItProvidesBelow() {
        String svg = draw("component:default/a", "A", List.of(rel("ownedBy", "group:default/team"),
                rel("providesApi", "api:default/x")), 4);
        List<int[]> boxes = boxes(svg); // centre first, then in layout order
        int centreY = boxes.get(0)[1];
        assertThat(svg.indexOf("Title of team")).isPositive();
        assertThat(boxes).anyMatch(b -> b[1] < centreY).anyMatch(b -> b[1] > centreY);
    }

    @Test
    void severalRelationsBetweenTwoEntitiesShareOneEdge() {
        String svg = draw("component:default/a", "A", List.of(rel("dependsOn", "component:default/b"),
                rel("consumesApi", "component:default/b")), 4);

        assertThat(Pattern.compile("<path class=\"bl-graph-edge\"").matcher(svg).results().count()).isEqualTo(1);
        assertThat(svg).contains("depends on · consumes API");
    }

    @Test
    void thirtyFiveNodesNeverOverlap() {
        List<Entity.Relation> relations = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            relations.add(rel(i % 3 == 0 ? "ownedBy" : "ownerOf", "component:default/service-with-a-long-name-" + i));
        }
        List<int[]> boxes = boxes(draw("group:default/big", "A big team", relations, 6));

        assertThat(boxes).hasSize(36);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                int[] a = boxes.get(i);
                int[] b = boxes.get(j);
                boolean apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
                assertThat(apart).as("box %d and %d overlap", i, j).isTrue();
            }
        }
    }

    @Test
    void escapesEveryText() {
        String svg = draw("component:default/a", "<script>alert(1)</script>", List.of(rel("x\"><b>", "component:default/a-b")), 4);

        assertThat(svg).doesNotContain("<script>", "<b>", "x\">").contains("&lt;script&gt;", "x&quot;&gt;&lt;b&gt;");
    }

    @Test
    void anEntityWithoutRelationsIsJustTheCentre() {
        String svg = draw("user:default/ada", "Ada Lovelace", List.of(), 4);

        assertThat(svg).contains("bl-graph-centre", "Ada Lovelace").doesNotContain("<a ", "<path");
    }

    @Test
    void relationTypesReadAsWords() {
        assertThat(RelationsGraph.words("ownedBy")).isEqualTo("owned by");
        assertThat(RelationsGraph.words("providesApi")).isEqualTo("provides API");
        assertThat(RelationsGraph.words("apiProvidedBy")).isEqualTo("API provided by");
        assertThat(RelationsGraph.words("hasMember")).isEqualTo("has member");
    }

    private static List<int[]> boxes(String svg) {
        List<int[]> out = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))});
        }
        return out;
    }
}
