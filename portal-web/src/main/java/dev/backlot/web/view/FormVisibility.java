package dev.backlot.web.view;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a whole form show, and which are required, for the form's values: each page's
 * schema and each nested object's schema resolved by {@link FormConditions} against its own object
 * of the values, field paths as {@link FormPath} writes them.
 *
 * <p>A hidden field's value does not count: a field that shows because of another field's value
 * stops showing when that field hides. The evaluation repeats with the hidden values left out
 * until nothing changes (at most {@value #ROUNDS} rounds; conditions that contradict each other
 * keep the last round's answer).
 */
public final class FormVisibility {

    private static final int ROUNDS = 8;

    /** Paths of the fields (and nested objects) that show, and of those that are required. */
    public record Result(Set<String> shown, Set<String> required) implements Serializable {

        public static final Result NONE = new Result(Set.of(), Set.of());
    }

    private FormVisibility() {
    }

    /**
     * @param pages the pages' schemas, all reading the one object of values
     * @param values the form's values as the template sees them (nested objects as maps), hidden ones included
     */
    public static Result of(List<Map<String, Object>> pages, Map<String, Object> values, FormConditions.SchemaCheck check) {
        return of(pages, values, Map.of(), check);
    }

    /**
     * @param chosen the alternatives chosen so far: {@link FormPath#alternatives} key to index
     */
    public static Result of(List<Map<String, Object>> pages, Map<String, Object> values, Map<String, Integer> chosen,
            FormConditions.SchemaCheck check) {
        Result result = once(pages, values, chosen, check);
        for (int round = 1; round < ROUNDS; round++) {
            Result next = once(pages, shownValues(values, result.shown()), chosen, check);
            if (next.equals(result)) {
                break;
            }
            result = next;
        }
        return result;
    }

    /** The values whose paths show (nested objects keep only their shown entries). */
    public static Map<String, Object> shownValues(Map<String, Object> values, Set<String> shown) {
        return prune(values, shown, "");
    }

    private static Map<String, Object> prune(Map<String, Object> values, Set<String> shown, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String path = FormPath.child(prefix, name);
            if (!shown.contains(path)) {
                return;
            }
            out.put(name, value instanceof Map<?, ?> m ? prune(FormConditions.map(m), shown, path) : value);
        });
        return out;
    }

    private static Result once(List<Map<String, Object>> pages, Map<String, Object> values, Map<String, Integer> chosen,
            FormConditions.SchemaCheck check) {
        Set<String> shown = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            walk(pages.get(i), values, "", i, chosen, check, shown, required);
        }
        return new Result(Set.copyOf(shown), Set.copyOf(required));
    }

    private static void walk(Map<String, Object> schema, Map<String, Object> values, String prefix, int page,
            Map<String, Integer> chosen, FormConditions.SchemaCheck check, Set<String> shown, Set<String> required) {
        String selector = FormPath.alternatives(page, prefix);
        if (!FormConditions.alternatives(schema).isEmpty()) {
            shown.add(selector);
        }
        FormConditions.Resolved resolved = FormConditions.resolve(schema, values, check, chosen.get(selector));
        resolved.properties().forEach((name, property) -> {
            String path = FormPath.child(prefix, name);
            shown.add(path);
            if (resolved.required().contains(name)) {
                required.add(path);
            }
            if (FormPages.isGroup(property)) {
                Map<String, Object> inner = values.get(name) instanceof Map<?, ?> m ? FormConditions.map(m) : Map.of();
                walk(property, inner, path, page, chosen, check, shown, required);
            }
        });
    }
}
