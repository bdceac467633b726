package dev.backlot.techdocs.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * MkDocs admonitions for commonmark-java, through its block parser extension point: a line
 * {@code !!! note "Title"} (or {@code ??? note} for a collapsed one, {@code ???+} for an open one)
 * starts a container whose content is the following lines indented by four spaces, parsed as Markdown.
 *
 * <pre>
 * !!! warning "Mind the gap"
 *     Content, **Markdown** included.
 * </pre>
 */
final class Admonitions implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private static final Pattern START = Pattern.compile("^(!!!|\\?\\?\\?\\+?)\\s+([A-Za-z][A-Za-z0-9_-]{0,30})(?:\\s+\"([^\"]*)\")?\\s*$");

    static Extension create() {
        return new Admonitions();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Renderer::new);
    }

    /** The admonition block: its type ({@code note}, {@code warning}, ...), title and whether it folds. */
    static final class Admonition extends CustomBlock {
        final String type;
        final String title;
        final String marker;

        Admonition(String type, String title, String marker) {
            this.type = type;
            this.title = title;
            this.marker = marker;
        }
    }

    private static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            int start = state.getNextNonSpaceIndex();
            Matcher m = START.matcher(line.subSequence(start, line.length()));
            if (!m.matches()) {
                return BlockStart.none();
            }
            String type = m.group(2).toLowerCase(Locale.ROOT);
            String title = m.group(3) != null ? m.group(3) : Character.toUpperCase(type.charAt(0)) + type.substring(1);
            return BlockStart.of(new BlockParser(new Admonition(type, title, m.group(1)))).atIndex(line.length());
        }
    }

    private static final class BlockParser extends AbstractBlockParser {
        private final Admonition block;

        BlockParser(Admonition block) {
            this.block = block;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(Block childBlock) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                return BlockContinue.atIndex(state.getNextNonSpaceIndex());
            }
            if (state.getIndent() >= 4) {
                return BlockContinue.atColumn(state.getColumn() + 4);
            }
            return BlockContinue.none();
        }
    }

    private static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Admonition.class);
        }

        @Override
        public void render(Node node) {
            Admonition a = (Admonition) node;
            HtmlWriter html = context.getWriter();
            boolean folds = a.marker.startsWith("???");
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("class", "admonition " + a.type);
            if (a.marker.equals("???+")) {
                attrs.put("open", "open");
            }
            html.line();
            html.tag(folds ? "details" : "div", attrs);
            if (!a.title.isEmpty()) {
                html.tag(folds ? "summary" : "p", Map.of("class", "admonition-title"));
                html.text(a.title);
                html.tag(folds ? "/summary" : "/p");
            }
            for (Node child = a.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag(folds ? "/details" : "/div");
            html.line();
        }
    }
}
