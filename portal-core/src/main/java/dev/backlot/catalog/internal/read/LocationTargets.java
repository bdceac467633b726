package dev.backlot.catalog.internal.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of a Location entity's spec: {@code target} and {@code targets[]}, the type they are read
 * with, and whether missing ones are tolerated. Malformed fields become problems, not exceptions.
 */
record LocationTargets(String type, List<String> targets, boolean optional, List<String> problems) {

    static LocationTargets of(Map<String, Object> entity, String parentType) {
        List<String> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!(entity.get("spec") instanceof Map<?, ?> spec)) {
            problems.add("Location has no spec mapping, so no targets were read");
            return new LocationTargets(parentType, targets, false, problems);
        }
        String type = parentType;
        Object declared = spec.get("type");
        if (declared instanceof String t && (t.equalsIgnoreCase(LocationRef.FILE) || t.equalsIgnoreCase(LocationRef.URL))) {
            type = t.toLowerCase(Locale.ROOT);
        } else if (declared != null) {
            problems.add("spec.type '" + declared + "' is not file or url, so no targets were read");
            return new LocationTargets(parentType, targets, false, problems);
        }
        Object target = spec.get("target");
        if (target instanceof String t) {
            targets.add(t);
        } else if (target != null) {
            problems.add("spec.target is not a string");
        }
        Object list = spec.get("targets");
        if (list instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof String t) {
                    targets.add(t);
                } else {
                    problems.add("spec.targets[" + i + "] is not a string");
                }
            }
        } else if (list != null) {
            problems.add("spec.targets is not a list");
        }
        boolean optional = "optional".equals(spec.get("presence"));
        return new LocationTargets(type, targets, optional, problems);
    }
}
