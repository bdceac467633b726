package dev.backlot.catalog.internal.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Splits a multi-document YAML file into entity trees, safely.
 *
 * <p>Limits: files over {@link ReadPolicy#maxFileBytes()} are refused unparsed; at most
 * {@value #MAX_ALIASES} aliases to collections per document (so a "billion laughs" file fails fast);
 * nesting at most {@value #MAX_DEPTH} levels, also after aliases are expanded; at most
 * {@link ReadPolicy#maxDocumentsPerFile()} documents. Duplicate keys are an error, as in Backstage.
 *
 * <p>Why SnakeYAML's composer rather than Jackson's {@code YAMLFactory}: Jackson's YAML parser does not
 * expand aliases (it returns the anchor's name as a string, silently changing the data) and so never
 * reaches SnakeYAML's alias and nesting limits; it also types scalars by YAML 1.1 ({@code on} is
 * {@code true}). The composer enforces the {@link LoaderOptions} limits and {@link YamlTrees} applies the
 * YAML 1.2 core schema Backstage uses.
 */
public final class YamlDocuments {

    public static final int MAX_ALIASES = 20;
    public static final int MAX_DEPTH = 64;

    /**
     * One YAML document of a file; exactly one of {@code entity} and {@code error} is non-null.
     *
     * @param index the 1-based position of the document in the file, counting empty ones; 0 when the
     *     error concerns the whole file (too large, not readable as text)
     * @param entity the document as a JSON-like tree (String, Number, Boolean, null, List, Map)
     * @param error what is wrong and where, naming the source and the document
     */
    public record Document(int index, Map<String, Object> entity, String error) {
        public Document {
            if ((entity == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of entity and error must be given");
            }
        }
    }

    private YamlDocuments() {}

    /**
     * Reads every document of a YAML stream. Never throws for content problems: each becomes an error
     * {@link Document}. Empty documents are skipped; a document that is not a mapping is an error; a
     * syntax error ends the stream (the documents before it are kept) and reports the line and column.
     *
     * @param content the raw bytes, UTF-8/16/32 (a BOM is honoured)
     * @param source a name for messages, such as the location
     * @param policy supplies the size and document-count limits
     */
    public static List<Document> parse(byte[] content, String source, ReadPolicy policy) {
        List<Document> documents = new ArrayList<>();
        if (content.length > policy.maxFileBytes()) {
            documents.add(new Document(0, null, source + " is " + content.length
                    + " bytes, over the limit of maxFileBytes=" + policy.maxFileBytes()));
            return documents;
        }
        Composer composer = composer(content, policy.maxFileBytes());
        int index = 0;
        while (true) {
            index++;
            try {
                if (!composer.checkNode()) {
                    return documents;
                }
                if (index > policy.maxDocumentsPerFile()) {
                    documents.add(new Document(index, null, source + " has more than maxDocumentsPerFile="
                            + policy.maxDocumentsPerFile() + " documents; the rest were not read"));
                    return documents;
                }
                Object value = new YamlTrees(MAX_DEPTH).toValue(composer.getNode(), 0);
                if (value instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entity = (Map<String, Object>) map;
                    documents.add(new Document(index, entity, null));
                } else if (value != null) {
                    documents.add(new Document(index, null, "document " + index + " of " + source + " is "
                            + describe(value) + ", not an entity"));
                }
            } catch (YamlTrees.YamlTreeException e) {
                // The tree was complete as far as the parser goes, so later documents can still be read.
                documents.add(new Document(index, null, "document " + index + " of " + source + ": " + e.getMessage()));
            } catch (YAMLException | IllegalStateException e) {
                documents.add(new Document(index, null, "document " + index + " of " + source + " is not valid YAML: "
                        + problem(e) + "; the rest of the file was not read"));
                return documents;
            }
        }
    }

    /**
     * Reads a file that must hold exactly one YAML document of any shape, as a {@code $yaml} placeholder
     * does. The caller has already bounded the content's size.
     *
     * @throws IllegalArgumentException naming the source when the content is not exactly one valid document
     */
    static Object parseSingle(byte[] content, String source) {
        Composer composer = composer(content, content.length);
        try {
            if (!composer.checkNode()) {
                throw new IllegalArgumentException(source + " holds no YAML document");
            }
            Object value = new YamlTrees(MAX_DEPTH).toValue(composer.getNode(), 0);
            if (composer.checkNode()) {
                throw new IllegalArgumentException(source + " holds more than one YAML document");
            }
            return value;
        } catch (YamlTrees.YamlTreeException | YAMLException | IllegalStateException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + problem(e), e);
        }
    }

    private static Composer composer(byte[] content, long maxBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // Code points never outnumber bytes, so this is a second guard behind the byte check above.
        options.setCodePointLimit((int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes)));
        StreamReader reader = new StreamReader(new UnicodeReader(new ByteArrayInputStream(content)));
        return new Composer(new ParserImpl(reader, options), YamlTrees.plainResolver(), options);
    }

    private static String problem(RuntimeException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblem() + " at line " + (marked.getProblemMark().getLine() + 1)
                    + ", column " + (marked.getProblemMark().getColumn() + 1);
        }
        // SnakeYAML reports its limits in plain messages ("Number of aliases … exceeds the specified max=20",
        // "Nesting Depth exceeded max 64"); an undecodable byte surfaces as a wrapped IOException.
        Throwable cause = e.getCause() instanceof IOException io ? io : e;
        return cause.getMessage();
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        return value instanceof String ? "a string" : "a " + value.getClass().getSimpleName().toLowerCase();
    }
}
