package dev.backlot.search.knowledge;

import dev.backlot.spi.search.CollatorContext;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osgi.service.component.annotations.Component;

/**
 * Documents of type {@value #TYPE} from a Stack Exchange data export's {@code Posts.xml}: one per
 * question, with its accepted answer's text, its tags and score, linking to
 * {@code <site>/questions/<id>}. Configured by {@code portal.search.knowledge.posts} (file or URL)
 * and {@code portal.search.knowledge.posts.site}; without them it has no documents.
 */
@Component(service = SearchCollator.class)
public class QuestionsCollator implements SearchCollator {

    public static final String TYPE = "qna";
    private static final Logger LOG = Logger.getLogger(QuestionsCollator.class.getName());
    static final int MAX_QUESTIONS = 200_000;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> documents() {
        return Stream.empty();
    }

    @Override
    public Stream<SearchDocument> documents(CollatorContext context) throws Exception {
        Optional<String> posts = context.setting("portal.search.knowledge.posts");
        Optional<String> site = context.setting("portal.search.knowledge.posts.site");
        if (posts.isEmpty()) {
            return Stream.empty();
        }
        if (site.isEmpty() || !site.get().matches("(?i)https?://\\S+")) {
            LOG.warning("portal.search.knowledge.posts is set but portal.search.knowledge.posts.site (the site's"
                    + " http(s) address, for links) is not: no questions indexed");
            return Stream.empty();
        }
        return parse(context.read(posts.get()), site.get().replaceAll("/+$", "")).stream();
    }

    /** Questions with their accepted answers, from the bytes of a Posts.xml. */
    static List<SearchDocument> parse(byte[] xml, String site) throws XMLStreamException {
        // Answers may come before or after their questions: one pass for what is accepted, one to read.
        Set<String> accepted = new HashSet<>();
        each(xml, row -> {
            if ("1".equals(row.get("PostTypeId")) && row.get("AcceptedAnswerId") != null) {
                accepted.add(row.get("AcceptedAnswerId"));
            }
        });
        Map<String, String> answers = new HashMap<>();
        List<Map<String, String>> questions = new ArrayList<>();
        each(xml, row -> {
            if ("2".equals(row.get("PostTypeId")) && accepted.contains(row.get("Id"))) {
                answers.put(row.get("Id"), Markup.htmlText(row.getOrDefault("Body", "")));
            } else if ("1".equals(row.get("PostTypeId")) && questions.size() < MAX_QUESTIONS) {
                questions.add(row);
            }
        });
        List<SearchDocument> out = new ArrayList<>();
        for (Map<String, String> q : questions) {
            String id = q.get("Id");
            if (id == null || !id.matches("\\d{1,12}") || q.get("Title") == null) {
                continue;
            }
            String answer = answers.getOrDefault(q.getOrDefault("AcceptedAnswerId", ""), "");
            Map<String, String> fields = new LinkedHashMap<>();
            String tags = tags(q.getOrDefault("Tags", ""));
            if (!tags.isEmpty()) {
                fields.put("tags", tags);
            }
            fields.put("score", q.getOrDefault("Score", "0"));
            fields.put("answered", answer.isEmpty() ? "no" : "yes");
            String text = (Markup.htmlText(q.getOrDefault("Body", "")) + (answer.isEmpty() ? "" : " Accepted answer: " + answer)).strip();
            out.add(new SearchDocument(q.get("Title"), text, site + "/questions/" + id, fields, id));
        }
        return out;
    }

    /** {@code <java><spring-boot>} or {@code |java|spring-boot|} as {@code java,spring-boot}. */
    static String tags(String raw) {
        return String.join(",", java.util.Arrays.stream(raw.split("[<>|]+")).filter(t -> !t.isBlank()).toList());
    }

    private interface RowHandler {
        void row(Map<String, String> attributes);
    }

    private static void each(byte[] xml, RowHandler handler) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // An export is untrusted input: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        row.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    handler.row(row);
                }
            }
        } finally {
            reader.close();
        }
    }
}
