package dev.backlot.techdocs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;

/**
 * Footnotes ({@code text[^1]} and a paragraph {@code [^1]: the note}) for commonmark-java, as a
 * post-processor on the parsed tree. commonmark's own footnotes extension is served only up to 0.30.0
 * here, which does not link against core 0.32 ({@code NoSuchMethodError} on {@code LinkInfo.text()}).
 *
 * <p>Labels become ids after the sanitiser's id rule; the markup it adds is plain elements that the
 * sanitiser keeps.
 */
final class Footnotes implements Parser.ParserExtension {

    private static final Pattern DEFINITION = Pattern.compile("^\\[\\^([A-Za-z0-9_-]{1,40})\\]:\\s*");
    private static final Pattern REFERENCE = Pattern.compile("\\[\\^([A-Za-z0-9_-]{1,40})\\]");

    static Extension create() {
        return new Footnotes();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new Processor());
    }

    private static final class Processor implements PostProcessor {
        @Override
        public Node process(Node document) {
            Map<String, Paragraph> definitions = new LinkedHashMap<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Paragraph paragraph) {
                    if (paragraph.getFirstChild() instanceof Text text) {
                        Matcher m = DEFINITION.matcher(text.getLiteral());
                        if (m.find() && !definitions.containsKey(m.group(1))) {
                            text.setLiteral(text.getLiteral().substring(m.end()));
                            definitions.put(m.group(1), paragraph);
                            return;
                        }
                    }
                    visitChildren(paragraph);
                }
            });
            if (definitions.isEmpty()) {
                return document;
            }
            definitions.values().forEach(Node::unlink);
            List<String> order = new ArrayList<>();
            List<Text> texts = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    texts.add(text);
                }
            });
            for (Text text : texts) {
                Matcher m = REFERENCE.matcher(text.getLiteral());
                if (!m.find()) {
                    continue;
                }
                String literal = text.getLiteral();
                m.reset();
                int at = 0;
                Node last = text;
                while (m.find()) {
                    String label = m.group(1);
                    if (!definitions.containsKey(label)) {
                        continue;
                    }
                    if (!order.contains(label)) {
                        order.add(label);
                    }
                    int n = order.indexOf(label) + 1;
                    Text before = new Text(literal.substring(at, m.start()));
                    last.insertAfter(before);
                    HtmlInline ref = new HtmlInline();
                    ref.setLiteral("<sup class=\"footnote-ref\"><a href=\"#fn-" + label + "\" id=\"fnref-" + label + "\">" + n
                            + "</a></sup>");
                    before.insertAfter(ref);
                    last = ref;
                    at = m.end();
                }
                last.insertAfter(new Text(literal.substring(at)));
                text.unlink();
            }
            HtmlBlock open = new HtmlBlock();
            open.setLiteral("<section class=\"footnotes\">");
            document.appendChild(open);
            OrderedList list = new OrderedList();
            for (String label : order) {
                ListItem item = new ListItem();
                Paragraph p = definitions.get(label);
                HtmlInline back = new HtmlInline();
                back.setLiteral(" <a href=\"#fnref-" + label + "\" class=\"footnote-backref\">\u21a9</a>");
                p.appendChild(back);
                HtmlInline anchor = new HtmlInline();
                anchor.setLiteral("<span id=\"fn-" + label + "\"></span>");
                p.prependChild(anchor);
                item.appendChild(p);
                list.appendChild(item);
            }
            document.appendChild(list);
            HtmlBlock close = new HtmlBlock();
            close.setLiteral("</section>");
            document.appendChild(close);
            return document;
        }
    }
}
