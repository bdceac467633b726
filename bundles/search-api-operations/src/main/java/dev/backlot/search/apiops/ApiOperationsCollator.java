package dev.backlot.search.apiops;

import dev.backlot.model.Entity;
import dev.backlot.spi.search.CollatorContext;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * Documents of type {@value #TYPE}: one per operation of every API entity whose
 * {@code spec.definition} is an OpenAPI or AsyncAPI document (the catalog has already replaced a
 * {@code $text} reference by the file's content). A definition it cannot read adds no documents.
 */
@Component(service = SearchCollator.class)
public class ApiOperationsCollator implements SearchCollator {

    public static final String TYPE = "api-operation";

    @Override
    public String type() {
        return TYPE;
    }

    /** Without the portal's context there are no API entities to read. */
    @Override
    public Stream<SearchDocument> documents() {
        return Stream.empty();
    }

    @Override
    public Stream<SearchDocument> documents(CollatorContext context) {
        return context.entities("API").flatMap(ApiOperationsCollator::documents);
    }

    static Stream<SearchDocument> documents(Entity api) {
        if (!(api.spec().get("definition") instanceof String definition)) {
            return Stream.empty();
        }
        List<Operation> operations;
        try {
            operations = Operation.of(definition);
        } catch (RuntimeException unreadable) {
            return Stream.empty();
        }
        String ref = "api:" + api.namespace() + "/" + api.name();
        String location = "/catalog/" + segment(api.namespace()) + "/api/" + segment(api.name());
        String apiTitle = api.title() == null || api.title().isBlank() ? api.name() : api.title();
        return operations.stream().map(op -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", "API");
            fields.put("namespace", api.namespace());
            put(fields, "owner", api.specText("owner"));
            put(fields, "lifecycle", api.specText("lifecycle"));
            put(fields, "system", api.specText("system"));
            put(fields, "type", api.specText("type"));
            fields.put("api", ref);
            fields.put("method", op.action());
            fields.put("path", op.address());
            String text = String.join(" ", op.summary(), op.id(), "in " + apiTitle).strip();
            return new SearchDocument(op.title(), text, location, fields,
                    ref.toLowerCase(Locale.ROOT) + " " + op.action() + " " + op.address());
        });
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
