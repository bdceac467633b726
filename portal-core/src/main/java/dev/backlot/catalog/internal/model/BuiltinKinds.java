package dev.backlot.catalog.internal.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entity kinds the catalog understands without plugins, with the {@code apiVersion}s each may
 * be written in (Backstage {@code @backstage/catalog-model} 1.10 plus the scaffolder's Template).
 */
public final class BuiltinKinds {

    /** The {@code apiVersion} of Backstage's own kinds. */
    public static final String V1ALPHA1 = "backstage.io/v1alpha1";
    /** Also accepted by the kind schemas of Backstage's own kinds (except AiResource). */
    public static final String V1BETA1 = "backstage.io/v1beta1";
    /** The {@code apiVersion} of the Template kind. */
    public static final String SCAFFOLDER_V1BETA3 = "scaffolder.backstage.io/v1beta3";

    private static final Map<String, List<String>> API_VERSIONS = apiVersions();

    /** The canonical spelling of every known kind, for example {@code API} and {@code Component}. */
    public static final Set<String> NAMES = Set.copyOf(API_VERSIONS.keySet());

    private BuiltinKinds() {
    }

    private static Map<String, List<String>> apiVersions() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (String kind : List.of("API", "Component", "Domain", "Group", "Location", "Resource", "System", "User")) {
            versions.put(kind, List.of(V1ALPHA1, V1BETA1));
        }
        // AiResource arrived in catalog-model 1.10; its schemas accept v1alpha1 only.
        versions.put("AiResource", List.of(V1ALPHA1));
        versions.put("Template", List.of(SCAFFOLDER_V1BETA3));
        return Map.copyOf(versions);
    }

    /**
     * The canonical spelling of a known kind, matched case-insensitively.
     *
     * @param kind a kind as written, for example {@code api}
     * @return for example {@code API}, or {@code null} when the kind is unknown or {@code null}
     */
    public static String canonicalKind(String kind) {
        if (kind == null) {
            return null;
        }
        for (String name : API_VERSIONS.keySet()) {
            if (name.toLowerCase(Locale.ROOT).equals(kind.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    /**
     * The {@code apiVersion}s a kind may be written in.
     *
     * @param kind a kind, matched case-insensitively
     * @return the accepted versions, empty for an unknown kind
     */
    public static List<String> apiVersionsOf(String kind) {
        String canonical = canonicalKind(kind);
        return canonical == null ? List.of() : API_VERSIONS.get(canonical);
    }

    /** The known kinds in alphabetical order, for messages. */
    static String listed() {
        return String.join(", ", NAMES.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }
}
