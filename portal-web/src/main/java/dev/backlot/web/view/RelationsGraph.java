package dev.backlot.web.view;

import dev.backlot.model.Entity;
import java.util.List;
import java.util.Locale;

/**
 * Draws an entity and its relations as an inline SVG picture: the entity in the centre, each
 * related entity on a circle around it, and an edge labelled with the relation type. Every node is
 * a link to its entity page, and every text is XML-escaped, so the result is safe to write raw.
 *
 * <pre>
 * RelationsGraph.svg("payment-service", relations, request.getContextPath())
 * </pre>
 */
public final class RelationsGraph {

    static final int WIDTH = 660;
    static final int HEIGHT = 420;
    private static final int NODE_W = 168;
    private static final int NODE_H = 34;

    private RelationsGraph() {
    }

    /**
     * @param centre the label of the entity itself
     * @param relations its relations; one node is drawn per relation
     * @param contextPath prefixed to node links
     * @return an {@code <svg>} element with a title for screen readers
     */
    public static String svg(String centre, List<Entity.Relation> relations, String contextPath) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"bl-graph\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"group\" aria-labelledby=\"bl-graph-title\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"bl-graph-title\">Relations of ").append(escape(centre)).append("</title>");
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        int n = relations.size();
        double rx = WIDTH / 2.0 - NODE_W / 2.0 - 8;
        double ry = HEIGHT / 2.0 - NODE_H / 2.0 - 8;
        StringBuilder edges = new StringBuilder();
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Start at the top and go round; -PI/2 puts the first node above the centre.
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            double x = cx + rx * Math.cos(angle);
            double y = cy + ry * Math.sin(angle);
            Entity.Relation r = relations.get(i);
            EntityLink target = EntityLink.of(r.targetRef());
            edges.append(String.format(Locale.ROOT, "<line class=\"bl-graph-edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    cx, cy, x, y));
            edges.append(String.format(Locale.ROOT, "<text class=\"bl-graph-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    (cx + x) / 2, (cy + y) / 2 - 4, escape(r.type())));
            nodes.append(node(contextPath + target.path(), target.label(), x, y, "bl-graph-node"));
        }
        svg.append(edges).append(nodes).append(node(null, centre, cx, cy, "bl-graph-node bl-graph-centre"));
        return svg.append("</svg>").toString();
    }

    private static String node(String href, String label, double x, double y, String cssClass) {
        String shown = label.length() > 24 ? label.substring(0, 23) + "…" : label;
        String box = String.format(Locale.ROOT,
                "<g class=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"6\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text><title>%s</title></g>",
                cssClass, x - NODE_W / 2.0, y - NODE_H / 2.0, NODE_W, NODE_H, x, y + 5, escape(shown), escape(label));
        return href == null ? box : "<a href=\"" + escape(href) + "\">" + box + "</a>";
    }

    /** XML-escapes text and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
