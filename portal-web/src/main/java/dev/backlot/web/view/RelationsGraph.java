package dev.backlot.web.view;

import dev.backlot.model.Entity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws an entity and its relations as an inline SVG picture, laid out in layers as Backstage's
 * catalog graph is: the entity in the middle row; owners, systems, parents and what it depends on in
 * the rows above; what it provides, owns or contains in the rows below; one row further out per
 * step of depth. A layer wider than the picture wraps into more rows, so boxes never overlap,
 * whatever the number of nodes. Each box shows the entity's title and how it relates to the box it
 * hangs from ("owned by · Group"), in words rather than camelCase; several relations between the
 * same two entities share one edge. Every node is a link (keyboard-reachable), every text is
 * XML-escaped, so the result is safe to write raw.
 *
 * <pre>
 * RelationsGraph.svg(centre, nodes, edges, 4, request.getContextPath())
 * </pre>
 */
public final class RelationsGraph {

    static final int NODE_W = 200;
    static final int NODE_H = 50;
    static final int GAP_X = 20;
    static final int GAP_Y = 22;
    static final int LAYER_GAP = 48;
    static final int MARGIN = 10;
    /** Characters of a title that fit a box at the font size the stylesheet gives it. */
    static final int TITLE_CHARS = 24;
    /** Relation types that point "up": to an owner, a container, a parent, a dependency. */
    static final Set<String> UP = Set.of("ownedBy", "partOf", "childOf", "memberOf", "dependsOn", "consumesApi",
            "apiProvidedBy", "providedBy");

    private RelationsGraph() {
    }

    /**
     * A box of the picture.
     *
     * @param ref the canonical reference ({@code kind:namespace/name})
     * @param title what the box says: the entity's title or display name, or its reference
     * @param kind the kind as written ({@code Component})
     * @param path its page, without the context path
     */
    public record Node(String ref, String title, String kind, String path) {
    }

    /**
     * A relation between two nodes, by their references.
     *
     * @param from the entity that has the relation
     * @param type its type ({@code ownedBy})
     * @param to the entity it points to
     */
    public record Edge(String from, String type, String to) {
    }

    /** The relations of one entity as edges from it. */
    public static List<Edge> edgesOf(String ref, List<Entity.Relation> relations) {
        return relations.stream().map(r -> new Edge(ref, r.type(), r.targetRef().canonical())).toList();
    }

    /** {@code ownedBy} → {@code owned by}, {@code providesApi} → {@code provides API}. */
    public static String words(String type) {
        StringBuilder out = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (Character.isUpperCase(c) && out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().replace(" api", " API").replace("api ", "API ");
    }

    /**
     * @param centre the entity itself (drawn in the middle, not as a link)
     * @param nodes every entity that may appear, by reference (those not reachable from the centre are left out)
     * @param edges the relations to draw; the picture follows them outward from the centre
     * @param columns the most boxes side by side (a wider layer wraps)
     * @param contextPath prefixed to node links
     * @return an {@code <svg>} element with a title for screen readers
     */
    public static String svg(Node centre, Map<String, Node> nodes, List<Edge> edges, int columns, String contextPath) {
        Layout layout = layout(centre, nodes, edges, Math.max(1, columns));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"bl-graph\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"group\" aria-labelledby=\"bl-graph-title\" xmlns=\"http://www.w3.org/2000/svg\">",
                layout.width, layout.height, layout.width, layout.height));
        svg.append("<title id=\"bl-graph-title\">Relations of ").append(escape(centre.title())).append("</title>");
        StringBuilder lines = new StringBuilder();
        StringBuilder boxes = new StringBuilder();
        for (Placed p : layout.placed.values()) {
            if (p.parent != null) {
                Placed from = layout.placed.get(p.parent);
                boolean up = p.y < from.y;
                double x1 = from.x + NODE_W / 2.0;
                double y1 = up ? from.y : from.y + NODE_H;
                double x2 = p.x + NODE_W / 2.0;
                double y2 = up ? p.y + NODE_H : p.y;
                double mid = (y1 + y2) / 2;
                lines.append(String.format(Locale.ROOT, "<path class=\"bl-graph-edge\" d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\">"
                        + "<title>%s</title></path>", x1, y1, x1, mid, x2, mid, x2, y2,
                        escape(from.node.title() + " " + p.label + " " + p.node.title())));
            }
            boxes.append(box(p, p.parent == null ? null : contextPath + p.node.path()));
        }
        return svg.append(lines).append(boxes).append("</svg>").toString();
    }

    private static String box(Placed p, String href) {
        boolean centre = href == null;
        String title = p.node.title();
        String shown = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS - 1) + "…" : title;
        String caption = centre ? p.node.kind() : p.label + " · " + p.node.kind();
        String captionShown = caption.length() > TITLE_CHARS + 6 ? caption.substring(0, TITLE_CHARS + 5) + "…" : caption;
        String g = String.format(Locale.ROOT,
                "<g class=\"bl-graph-node%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\"/>"
                        + "<text class=\"bl-graph-caption\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                        + "<text class=\"bl-graph-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text><title>%s</title></g>",
                centre ? " bl-graph-centre" : "", p.x, p.y, NODE_W, NODE_H, p.x + NODE_W / 2, p.y + 18, escape(captionShown),
                p.x + NODE_W / 2, p.y + 38, escape(shown), escape(title + " (" + p.node.ref() + ")"));
        return centre ? g : "<a href=\"" + escape(href) + "\" aria-label=\"" + escape(caption + ": " + title) + "\">" + g + "</a>";
    }

    /** Where each box goes. */
    static final class Layout {
        final Map<String, Placed> placed = new LinkedHashMap<>();
        int width;
        int height;
    }

    static final class Placed {
        final Node node;
        final String parent;
        final String label;
        final int layer;
        int x;
        int y;

        Placed(Node node, String parent, String label, int layer) {
            this.node = node;
            this.parent = parent;
            this.label = label;
            this.layer = layer;
        }
    }

    static Layout layout(Node centre, Map<String, Node> nodes, List<Edge> edges, int columns) {
        // Neighbours of each node, both directions, with the relation types between each pair grouped.
        Map<String, Map<String, Set<String>>> next = new HashMap<>();
        for (Edge e : edges) {
            if (e.from().equals(e.to())) {
                continue;
            }
            next.computeIfAbsent(e.from(), k -> new TreeMap<>()).computeIfAbsent(e.to(), k -> new LinkedHashSet<>())
                    .add(e.type());
        }
        Map<String, Placed> found = new LinkedHashMap<>();
        found.put(centre.ref(), new Placed(centre, null, "", 0));
        Deque<String> queue = new ArrayDeque<>(List.of(centre.ref()));
        while (!queue.isEmpty()) {
            String ref = queue.removeFirst();
            Placed from = found.get(ref);
            for (Map.Entry<String, Set<String>> n : next.getOrDefault(ref, Map.of()).entrySet()) {
                Node node = nodes.get(n.getKey());
                if (node == null || found.containsKey(n.getKey())) {
                    continue;
                }
                boolean up = from.layer == 0 ? n.getValue().stream().anyMatch(UP::contains) : from.layer < 0;
                String label = String.join(" · ", n.getValue().stream().map(RelationsGraph::words).toList());
                found.put(n.getKey(), new Placed(node, ref, label, from.layer + (up ? -1 : 1)));
                queue.addLast(n.getKey());
            }
        }
        // Layers from the top; in each, boxes grouped by the box they hang from, then by relation and title.
        TreeMap<Integer, List<Placed>> layers = new TreeMap<>();
        found.values().forEach(p -> layers.computeIfAbsent(p.layer, k -> new ArrayList<>()).add(p));
        int widest = layers.values().stream().mapToInt(List::size).max().orElse(1);
        int cols = Math.min(columns, widest);
        Layout layout = new Layout();
        layout.width = 2 * MARGIN + cols * NODE_W + (cols - 1) * GAP_X;
        int y = MARGIN;
        Map<String, Integer> order = new HashMap<>();
        for (Map.Entry<Integer, List<Placed>> layer : layers.entrySet()) {
            List<Placed> row = layer.getValue();
            row.sort(Comparator.comparing((Placed p) -> p.parent == null ? 0 : order.getOrDefault(p.parent, 0))
                    .thenComparing(p -> p.label).thenComparing(p -> p.node.title().toLowerCase(Locale.ROOT)));
            for (int i = 0; i < row.size(); i += cols) {
                List<Placed> line = row.subList(i, Math.min(row.size(), i + cols));
                int lineWidth = line.size() * NODE_W + (line.size() - 1) * GAP_X;
                int x = (layout.width - lineWidth) / 2;
                for (Placed p : line) {
                    p.x = x;
                    p.y = y;
                    order.put(p.node.ref(), order.size());
                    x += NODE_W + GAP_X;
                }
                y += NODE_H + GAP_Y;
            }
            y += LAYER_GAP - GAP_Y;
        }
        layout.height = y - LAYER_GAP + MARGIN;
        // The centre first, so that it is drawn (and read) first.
        layout.placed.put(centre.ref(), found.get(centre.ref()));
        found.forEach(layout.placed::putIfAbsent);
        return layout;
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
