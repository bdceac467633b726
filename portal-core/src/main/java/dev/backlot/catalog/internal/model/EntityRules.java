package dev.backlot.catalog.internal.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Backstage's validation of a catalog entity: the envelope, the {@code metadata} field formats and
 * the per-kind {@code spec} schema, as the catalog applies them before it accepts an entity.
 *
 * <p>Example:
 *
 * <pre>{@code
 * EntityRules.validate(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
 *         "metadata", Map.of("name", "my service"), "spec", Map.of(...)));
 * // ["metadata.name \"my service\" is invalid: 1-63 characters of [A-Za-z0-9-_.], starting and ending with a letter or digit"]
 * }</pre>
 */
public final class EntityRules {

    private static final Set<String> ROOT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec", "relations", "status");
    private static final Pattern RELATION_TYPE = Pattern.compile("^\\w+$");

    private EntityRules() {
    }

    /**
     * Finds every problem of an entity.
     *
     * <p>Judges the entity as Backstage does after its default-namespace policy: a missing, null or
     * empty {@code metadata.namespace} is fine. Unknown kinds are problems; a {@code {$text: ...}}
     * placeholder is a problem wherever a string is required, because placeholders must be resolved
     * before validation. References are only checked for their type here; their syntax is judged by
     * {@link BuiltinRelations}.
     *
     * @param entity a JSON-like tree; any shape, including {@code null}, is accepted
     * @return one full sentence per problem, naming the field path, the bad value and the rule, in
     *     document order; empty when the entity is valid. Never throws.
     */
    public static List<String> validate(Map<String, Object> entity) {
        Problems problems = new Problems();
        try {
            check(entity, problems);
        } catch (RuntimeException e) {
            // A safety net only: the checks read through Tree and should never fail, but a caller's
            // exotic Map implementation might, and validation must not take ingestion down with it.
            problems.invalid("entity", null, "could not be checked (" + e + ")");
        }
        return problems.list();
    }

    private static void check(Object entity, Problems problems) {
        Map<?, ?> root = Tree.map(entity);
        if (root == null) {
            problems.invalid("entity", entity, "must be an object with apiVersion, kind and metadata");
            return;
        }
        for (Object key : root.keySet()) {
            if (!(key instanceof String name) || !ROOT_KEYS.contains(name)) {
                problems.invalid("root field", String.valueOf(key),
                        "an entity has only apiVersion, kind, metadata, spec, relations and status");
            }
        }
        String apiVersion = checkFormat(problems, root, "apiVersion", FieldFormats.API_VERSION_RULE);
        String kind = checkFormat(problems, root, "kind", FieldFormats.KIND_RULE);
        String known = kind == null ? null : checkKnownKind(problems, kind, apiVersion);
        if (!root.containsKey("metadata")) {
            problems.missing("metadata", "every entity needs metadata with at least a name");
        } else {
            MetadataRules.check(root.get("metadata"), problems);
        }
        if (known != null) {
            SpecRules.check(known, root.containsKey("spec"), root.get("spec"), problems);
        } else if (root.containsKey("spec") && Tree.map(root.get("spec")) == null) {
            problems.invalid("spec", root.get("spec"), "must be an object");
        }
        checkRelations(root, problems);
        if (root.containsKey("status") && Tree.map(root.get("status")) == null) {
            problems.invalid("status", root.get("status"), "must be an object");
        }
    }

    private static String checkFormat(Problems problems, Map<?, ?> root, String field, String rule) {
        if (!root.containsKey(field)) {
            problems.missing(field, "every entity needs one, " + rule);
            return null;
        }
        Object value = root.get(field);
        Predicate<String> format = field.equals("kind") ? FieldFormats::isKind : FieldFormats::isApiVersion;
        if (!(value instanceof String text && format.test(text))) {
            problems.invalid(field, value, rule);
            return null;
        }
        return (String) value;
    }

    /** @return the canonical kind, or {@code null} when it is unknown */
    private static String checkKnownKind(Problems problems, String kind, String apiVersion) {
        String canonical = BuiltinKinds.canonicalKind(kind);
        if (canonical == null) {
            problems.invalid("kind", kind, "unknown kind; the known kinds are " + BuiltinKinds.listed());
            return null;
        }
        if (!canonical.equals(kind)) {
            // Backstage's kind schemas compare the kind exactly, so "component" is not recognised.
            problems.invalid("kind", kind, "the built-in kind is spelled " + canonical);
        }
        List<String> versions = BuiltinKinds.apiVersionsOf(canonical);
        if (apiVersion != null && !versions.contains(apiVersion)) {
            problems.invalid("apiVersion", apiVersion,
                    "kind " + canonical + " is written in " + String.join(" or ", versions));
        }
        return canonical;
    }

    private static void checkRelations(Map<?, ?> root, Problems problems) {
        if (!root.containsKey("relations")) {
            return;
        }
        List<?> relations = Tree.list(root.get("relations"));
        if (relations == null) {
            problems.invalid("relations", root.get("relations"), "must be a list of {type, targetRef}");
            return;
        }
        for (int i = 0; i < relations.size(); i++) {
            String path = "relations[" + i + "]";
            Map<?, ?> relation = Tree.map(relations.get(i));
            if (relation == null) {
                problems.invalid(path, relations.get(i), "must be an object {type, targetRef}");
                continue;
            }
            Object type = relation.get("type");
            if (!(type instanceof String t && RELATION_TYPE.matcher(t).matches())) {
                problems.invalid(path + ".type", type, "must be a word such as ownedBy");
            }
            problems.text(path + ".targetRef", relation.get("targetRef"));
        }
    }
}
