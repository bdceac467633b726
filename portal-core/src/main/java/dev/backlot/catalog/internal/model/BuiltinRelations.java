package dev.backlot.catalog.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.backlot.model.EntityRef;

/**
 * The relations the built-in kinds imply through their {@code spec} references (reference §1.4),
 * as Backstage's {@code BuiltinKindsEntityProcessor} emits them: every reference gives a pair, the
 * relation on the entity itself and its reverse on the target.
 *
 * <p>Example: a Component in namespace {@code default} with {@code owner: team-a} gives
 * {@code component:default/x ownedBy group:default/team-a} and
 * {@code group:default/team-a ownerOf component:default/x}.
 */
public final class BuiltinRelations {

    public static final String OWNED_BY = "ownedBy";
    public static final String OWNER_OF = "ownerOf";
    public static final String PART_OF = "partOf";
    public static final String HAS_PART = "hasPart";
    public static final String PROVIDES_API = "providesApi";
    public static final String API_PROVIDED_BY = "apiProvidedBy";
    public static final String CONSUMES_API = "consumesApi";
    public static final String API_CONSUMED_BY = "apiConsumedBy";
    public static final String DEPENDS_ON = "dependsOn";
    public static final String DEPENDENCY_OF = "dependencyOf";
    public static final String PARENT_OF = "parentOf";
    public static final String CHILD_OF = "childOf";
    public static final String MEMBER_OF = "memberOf";
    public static final String HAS_MEMBER = "hasMember";

    /**
     * The outcome of {@link #relationsOf}.
     *
     * @param relations the edges, without duplicates, in the order of the kind's fields and then of
     *     each list; each pair is the relation on the entity followed by its reverse
     * @param problems one sentence per reference that could not be turned into relations, naming the field
     */
    public record Result(List<RelationEdge> relations, List<String> problems) {
        public Result {
            relations = List.copyOf(relations);
            problems = List.copyOf(problems);
        }
    }

    /** A spec field holding references: its default kind ({@code null}: must be written) and the pair it yields. */
    private record RefField(String name, boolean many, String defaultKind, String relation, String reverse) {
    }

    private static final RefField OWNER = one("owner", "Group", OWNED_BY, OWNER_OF);
    private static final RefField SYSTEM = one("system", "System", PART_OF, HAS_PART);
    private static final RefField DEPENDS = many("dependsOn", null, DEPENDS_ON, DEPENDENCY_OF);
    private static final RefField DEPENDENCY = many("dependencyOf", null, DEPENDENCY_OF, DEPENDS_ON);

    private static final Map<String, List<RefField>> FIELDS = Map.of(
            "Component", List.of(OWNER, SYSTEM, one("subcomponentOf", "Component", PART_OF, HAS_PART),
                    many("providesApis", "API", PROVIDES_API, API_PROVIDED_BY),
                    many("consumesApis", "API", CONSUMES_API, API_CONSUMED_BY), DEPENDS, DEPENDENCY),
            "API", List.of(OWNER, SYSTEM),
            "Resource", List.of(OWNER, SYSTEM, DEPENDS, DEPENDENCY),
            "System", List.of(OWNER, one("domain", "Domain", PART_OF, HAS_PART)),
            "Domain", List.of(OWNER, one("subdomainOf", "Domain", PART_OF, HAS_PART)),
            "Group", List.of(one("parent", "Group", CHILD_OF, PARENT_OF),
                    many("children", "Group", PARENT_OF, CHILD_OF),
                    many("members", "User", HAS_MEMBER, MEMBER_OF)),
            "User", List.of(many("memberOf", "Group", MEMBER_OF, HAS_MEMBER)),
            "Template", List.of(OWNER));

    private BuiltinRelations() {
    }

    /**
     * Derives the relations of one entity from its spec references.
     *
     * <p>A reference without a namespace gets the entity's own namespace; one without a kind gets
     * the field's default kind ({@code owner}: Group, {@code system}: System, {@code subcomponentOf}:
     * Component, {@code providesApis}/{@code consumesApis}: API, {@code domain}/{@code subdomainOf}:
     * Domain, {@code parent}/{@code children}/{@code memberOf}: Group, {@code members}: User), except
     * {@code dependsOn} and {@code dependencyOf}, which must name the kind. Targets need not exist.
     * A malformed reference is reported and skipped; the others still yield their relations. Kinds
     * without spec references (Location, AiResource, unknown kinds) yield nothing.
     *
     * @param normalizedEntity an entity as {@link EntityNormalizer#normalize} returns it; any shape is
     *     accepted, and a missing namespace is taken as {@code default}
     * @return the relations and the problems; never throws
     */
    public static Result relationsOf(Map<String, Object> normalizedEntity) {
        try {
            return derive(normalizedEntity);
        } catch (RuntimeException e) {
            // Safety net as in EntityRules: a caller's exotic Map (say a TreeMap with non-string
            // keys) can throw on get(); one bad entity must not stop the processing loop.
            return new Result(List.of(), List.of("entity could not be read for relations (" + e + ")"));
        }
    }

    private static Result derive(Map<String, Object> normalizedEntity) {
        List<String> problems = new ArrayList<>();
        String kind = BuiltinKinds.canonicalKind(Tree.string(Tree.get(normalizedEntity, "kind")));
        List<RefField> fields = kind == null ? null : FIELDS.get(kind);
        if (fields == null) {
            return new Result(List.of(), List.of());
        }
        EntityRef self = selfRef(kind, Tree.map(Tree.get(normalizedEntity, "metadata")), problems);
        Map<?, ?> spec = Tree.map(Tree.get(normalizedEntity, "spec"));
        if (self == null || spec == null) {
            return new Result(List.of(), problems);
        }
        Set<RelationEdge> edges = new LinkedHashSet<>();
        for (RefField field : fields) {
            if (spec.containsKey(field.name())) {
                addEdges(self, field, spec.get(field.name()), edges, problems);
            }
        }
        return new Result(new ArrayList<>(edges), problems);
    }

    private static EntityRef selfRef(String kind, Map<?, ?> metadata, List<String> problems) {
        Object name = metadata == null ? null : metadata.get("name");
        Object namespace = metadata == null ? null : metadata.get("namespace");
        String ns = namespace instanceof String s && !s.isEmpty() ? s : EntityRef.DEFAULT_NAMESPACE;
        try {
            return new EntityRef(kind, ns, (String) name);
        } catch (RuntimeException e) {
            // Covers a missing name (NullPointerException), a non-string one and ':' or '/' in a part.
            problems.add("metadata.name " + Problems.show(name) + " in namespace " + Problems.show(namespace)
                    + " is invalid: the entity needs a name to be the source of relations");
            return null;
        }
    }

    private static void addEdges(EntityRef self, RefField field, Object value, Set<RelationEdge> edges,
            List<String> problems) {
        String path = "spec." + field.name();
        if (!field.many()) {
            addEdge(self, field, path, value, edges, problems);
            return;
        }
        List<?> refs = Tree.list(value);
        if (refs == null) {
            problems.add(path + " " + Problems.show(value) + " is invalid: must be a list of entity references");
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            addEdge(self, field, path + "[" + i + "]", refs.get(i), edges, problems);
        }
    }

    private static void addEdge(EntityRef self, RefField field, String path, Object value, Set<RelationEdge> edges,
            List<String> problems) {
        EntityRef target = parse(field, path, value, self.namespace(), problems);
        if (target != null) {
            edges.add(new RelationEdge(self, field.relation(), target));
            edges.add(new RelationEdge(target, field.reverse(), self));
        }
    }

    private static EntityRef parse(RefField field, String path, Object value, String namespace, List<String> problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(path + " " + Problems.show(value) + " is invalid: must be an entity reference "
                    + "[kind:][namespace/]name");
            return null;
        }
        try {
            EntityRef ref = EntityRef.parse(text, field.defaultKind(), namespace);
            String known = BuiltinKinds.canonicalKind(ref.kind());
            // Spell known kinds canonically so edges read "group:..." and compare equal either way.
            return known == null ? ref : new EntityRef(known, ref.namespace(), ref.name());
        } catch (IllegalArgumentException e) {
            String rule = field.defaultKind() == null && text.indexOf(':') < 0
                    ? "a reference in " + field.name() + " must name its kind, as in resource:" + text
                    : "must be an entity reference [kind:][namespace/]name with no empty part ("
                            + e.getMessage() + ")";
            problems.add(path + " " + Problems.show(text) + " is invalid: " + rule);
            return null;
        }
    }

    private static RefField one(String name, String defaultKind, String relation, String reverse) {
        return new RefField(name, false, defaultKind, relation, reverse);
    }

    private static RefField many(String name, String defaultKind, String relation, String reverse) {
        return new RefField(name, true, defaultKind, relation, reverse);
    }
}
