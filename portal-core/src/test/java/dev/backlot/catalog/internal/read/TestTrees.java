package dev.backlot.catalog.internal.read;

import java.util.List;
import java.util.Map;

/** Typed views of entity trees for assertions. */
final class TestTrees {

    private TestTrees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static Map<String, Object> annotations(Emitted emitted) {
        return map(map(emitted.entity().get("metadata")).get("annotations"));
    }

    static String name(Emitted emitted) {
        return String.valueOf(map(emitted.entity().get("metadata")).get("name"));
    }

    static List<String> names(CrawlResult result) {
        return result.entities().stream().map(TestTrees::name).toList();
    }
}
