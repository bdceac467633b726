package dev.backlot.catalog.internal.model;

import java.util.List;
import java.util.Map;

/**
 * The per-kind {@code spec} rules of reference §1.4: which fields each built-in kind requires and
 * the JSON type of every field the kind schemas declare. Other spec fields are allowed.
 */
final class SpecRules {

    private enum Shape { TEXT, TEXT_LIST, LIST, OBJECT, PROFILE, STEPS, PARAMETERS }

    private record Field(String name, Shape shape, boolean required) {
    }

    private static final Map<String, List<Field>> FIELDS = Map.of(
            "Component", List.of(req("type"), req("lifecycle"), req("owner"), opt("system"), opt("subcomponentOf"),
                    list("providesApis"), list("consumesApis"), list("dependsOn"), list("dependencyOf")),
            "API", List.of(req("type"), req("lifecycle"), req("owner"), opt("system")),
            "Resource", List.of(req("type"), req("owner"), opt("system"), list("dependsOn"), list("dependencyOf")),
            "System", List.of(req("owner"), opt("domain"), opt("type")),
            "Domain", List.of(req("owner"), opt("subdomainOf"), opt("type")),
            "Group", List.of(req("type"), new Field("children", Shape.TEXT_LIST, true), opt("parent"),
                    list("members"), new Field("profile", Shape.PROFILE, false)),
            "User", List.of(new Field("memberOf", Shape.TEXT_LIST, true), new Field("profile", Shape.PROFILE, false)),
            "Location", List.of(opt("type"), opt("target"), list("targets"), opt("presence")),
            "AiResource", List.of(req("type"), req("lifecycle"), req("owner"), opt("system")),
            "Template", List.of(req("type"), new Field("steps", Shape.STEPS, true), opt("owner"), opt("lifecycle"),
                    new Field("parameters", Shape.PARAMETERS, false), new Field("output", Shape.OBJECT, false)));

    private SpecRules() {
    }

    /**
     * @param kind a canonical kind from {@link BuiltinKinds}
     * @param present whether the entity has a {@code spec} key at all
     */
    static void check(String kind, boolean present, Object value, Problems problems) {
        List<Field> fields = FIELDS.getOrDefault(kind, List.of());
        if (!present) {
            problems.missing("spec", "every " + kind + " needs a spec" + requiredList(fields));
            return;
        }
        Map<?, ?> spec = Tree.map(value);
        if (spec == null) {
            problems.invalid("spec", value, "must be an object");
            return;
        }
        for (Field field : fields) {
            checkField(kind, spec, field, problems);
        }
        switch (kind) {
            case "API" -> checkApi(spec, problems);
            case "Location" -> checkLocation(spec, problems);
            default -> { }
        }
    }

    private static void checkField(String kind, Map<?, ?> spec, Field field, Problems problems) {
        String path = "spec." + field.name();
        if (!spec.containsKey(field.name())) {
            if (field.required()) {
                problems.missing(path, "a " + kind + " needs it (" + describe(field.shape()) + ")");
            }
            return;
        }
        Object value = spec.get(field.name());
        switch (field.shape()) {
            case TEXT -> problems.text(path, value);
            case TEXT_LIST -> problems.textList(path, value);
            case LIST -> requireShape(path, value, Tree.list(value) != null, field.shape(), problems);
            case OBJECT -> requireShape(path, value, Tree.map(value) != null, field.shape(), problems);
            case PARAMETERS -> requireShape(path, value, Tree.map(value) != null || Tree.list(value) != null,
                    field.shape(), problems);
            case PROFILE -> checkProfile(path, value, problems);
            case STEPS -> checkSteps(path, value, problems);
        }
    }

    private static void checkApi(Map<?, ?> spec, Problems problems) {
        if ("mcp-server".equals(spec.get("type"))) {
            checkRemotes(spec, problems);
        } else if (!spec.containsKey("definition")) {
            problems.missing("spec.definition", "an API needs it (a non-empty string)");
        } else if (!(spec.get("definition") instanceof String text && !text.isEmpty())) {
            problems.invalid("spec.definition", spec.get("definition"), "must be a non-empty string; "
                    + "a {$text|$json|$yaml} placeholder must be resolved before validation");
        }
    }

    private static void checkRemotes(Map<?, ?> spec, Problems problems) {
        if (!spec.containsKey("remotes")) {
            problems.missing("spec.remotes", "an API of type mcp-server needs a non-empty list of {type, url}");
            return;
        }
        List<?> remotes = Tree.list(spec.get("remotes"));
        if (remotes == null || remotes.isEmpty()) {
            problems.invalid("spec.remotes", spec.get("remotes"), "must be a non-empty list of {type, url}");
            return;
        }
        for (int i = 0; i < remotes.size(); i++) {
            String path = "spec.remotes[" + i + "]";
            Map<?, ?> remote = Tree.map(remotes.get(i));
            if (remote == null) {
                problems.invalid(path, remotes.get(i), "must be an object {type, url}");
                continue;
            }
            problems.text(path + ".type", remote.get("type"));
            problems.text(path + ".url", remote.get("url"));
        }
    }

    private static void checkLocation(Map<?, ?> spec, Problems problems) {
        if (!spec.containsKey("target") && !spec.containsKey("targets")) {
            problems.missing("spec.target", "a Location needs target or targets");
        }
        Object presence = spec.get("presence");
        if (spec.containsKey("presence") && !"required".equals(presence) && !"optional".equals(presence)) {
            problems.invalid("spec.presence", presence, "must be required or optional");
        }
    }

    private static void checkProfile(String path, Object value, Problems problems) {
        Map<?, ?> profile = Tree.map(value);
        if (profile == null) {
            problems.invalid(path, value, "must be an object {displayName?, email?, picture?}");
            return;
        }
        for (String field : List.of("displayName", "email", "picture")) {
            if (profile.containsKey(field)) {
                problems.text(path + "." + field, profile.get(field));
            }
        }
    }

    private static void checkSteps(String path, Object value, Problems problems) {
        List<?> steps = Tree.list(value);
        if (steps == null) {
            problems.invalid(path, value, "must be a list of steps, each with an action");
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            Map<?, ?> step = Tree.map(steps.get(i));
            if (step == null) {
                problems.invalid(path + "[" + i + "]", steps.get(i), "must be an object with an action");
            } else if (!step.containsKey("action")) {
                problems.missing(path + "[" + i + "].action", "every step names the action it runs");
            } else if (!(step.get("action") instanceof String)) {
                problems.invalid(path + "[" + i + "].action", step.get("action"), "must be a string");
            }
        }
    }

    private static void requireShape(String path, Object value, boolean ok, Shape shape, Problems problems) {
        if (!ok) {
            problems.invalid(path, value, "must be " + describe(shape));
        }
    }

    private static String describe(Shape shape) {
        return switch (shape) {
            case TEXT -> "a non-empty string";
            case TEXT_LIST -> "a list of non-empty strings, which may be empty";
            case LIST, STEPS -> "a list";
            case OBJECT, PROFILE -> "an object";
            case PARAMETERS -> "an object or a list of objects";
        };
    }

    private static String requiredList(List<Field> fields) {
        List<String> names = fields.stream().filter(Field::required).map(Field::name).toList();
        return names.isEmpty() ? "" : " with " + String.join(", ", names);
    }

    private static Field req(String name) {
        return new Field(name, Shape.TEXT, true);
    }

    private static Field opt(String name) {
        return new Field(name, Shape.TEXT, false);
    }

    private static Field list(String name) {
        return new Field(name, Shape.TEXT_LIST, false);
    }
}
