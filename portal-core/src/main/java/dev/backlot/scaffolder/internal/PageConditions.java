package dev.backlot.scaffolder.internal;

import dev.backlot.scaffolder.ScaffolderException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page-level {@code if:} of a template's {@code parameters} list (Backstage's conditional wizard
 * pages). A page whose {@code if} is false over the values ({@code parameters.x} = the value of
 * field {@code x}) is hidden: it is not validated, and its fields' values are dropped from the
 * task, as rjsf drops the values of fields it does not show. A page without {@code if} always shows.
 *
 * <p>Contract: a page {@code if} that cannot be evaluated is a {@link ScaffolderException} of kind
 * INVALID naming the page (its title, or its position from 1). A field that a shown page also
 * declares keeps its value.
 */
final class PageConditions {

    private final TemplateExpressions expressions;

    PageConditions(TemplateExpressions expressions) {
        this.expressions = expressions;
    }

    /** Whether each page shows, in the order of {@code pages}. */
    List<Boolean> shown(List<Map<String, Object>> pages, Map<String, Object> values) {
        Map<String, Object> context = Map.of("parameters", values == null ? Map.of() : Json.plainMap(values));
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Object> page = pages.get(i);
            if (!page.containsKey("if")) {
                out.add(true);
                continue;
            }
            try {
                out.add(expressions.truthy(page.get("if"), context));
            } catch (RuntimeException e) {
                throw new ScaffolderException(ScaffolderException.Kind.INVALID, "The condition (if) of page "
                        + name(page, i) + " is not a valid expression: " + e.getMessage());
            }
        }
        return out;
    }

    /** The pages that show for these values. */
    List<Map<String, Object>> shownPages(List<Map<String, Object>> pages, Map<String, Object> values) {
        List<Boolean> shown = shown(pages, values);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (shown.get(i)) {
                out.add(pages.get(i));
            }
        }
        return out;
    }

    /** The values without those of fields that only hidden pages declare. */
    Map<String, Object> withoutHidden(List<Map<String, Object>> pages, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>(values == null ? Map.of() : values);
        List<Boolean> shown = shown(pages, out);
        Set<String> kept = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            (shown.get(i) ? kept : hidden).addAll(fields(pages.get(i)));
        }
        hidden.removeAll(kept);
        out.keySet().removeAll(hidden);
        return out;
    }

    private static Set<String> fields(Map<String, Object> page) {
        Set<String> out = new HashSet<>();
        if (page.get("properties") instanceof Map<?, ?> properties) {
            properties.keySet().forEach(k -> out.add(String.valueOf(k)));
        }
        return out;
    }

    static String name(Map<String, Object> page, int index) {
        Object title = page.get("title");
        return title == null ? String.valueOf(index + 1) : "'" + title + "' (" + (index + 1) + ")";
    }
}
