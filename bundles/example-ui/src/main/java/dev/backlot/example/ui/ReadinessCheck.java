package dev.backlot.example.ui;

import dev.backlot.model.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One production-readiness rule for a Component, with what to write in {@code catalog-info.yaml}
 * to meet it.
 *
 * @param id short id, e.g. {@code owner}
 * @param title what a ready component has, e.g. {@code Has an owner}
 * @param why why it matters, one sentence
 * @param fix the YAML that meets it
 * @param rule the verdict for an entity
 */
public record ReadinessCheck(String id, String title, String why, String fix, Function<Entity, Verdict> rule) {

    /** A check's outcome; {@code NOT_APPLICABLE} does not count towards the score. */
    public enum Verdict {
        PASSED, FAILED, NOT_APPLICABLE
    }

    /** Every check, in the order the tab and the guide show them. */
    public static final List<ReadinessCheck> ALL = List.of(
            new ReadinessCheck("owner", "Has an owner", "Someone must answer when it breaks.",
                    "spec:\n  owner: group:default/payments", e -> verdict(present(e.spec().get("owner")))),
            new ReadinessCheck("description", "Says what it does", "People search the catalog by words, not names.",
                    "metadata:\n  description: Charges cards and refunds payments",
                    e -> verdict(present(e.metadata().get("description")))),
            new ReadinessCheck("lifecycle", "Declares its lifecycle", "experimental, production or deprecated: "
                    + "callers need to know what they depend on.", "spec:\n  lifecycle: production",
                    e -> verdict(present(e.spec().get("lifecycle")))),
            new ReadinessCheck("system", "Belongs to a system", "A system groups what is deployed and owned together.",
                    "spec:\n  system: payments", e -> verdict(present(e.spec().get("system")))),
            new ReadinessCheck("docs", "Has docs beside the code", "Docs next to the code stay true.",
                    "metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.",
                    e -> verdict(annotations(e).containsKey("backstage.io/techdocs-ref"))),
            new ReadinessCheck("runbook", "Links a runbook", "Whoever is on call at 3 a.m. needs it.",
                    "metadata:\n  links:\n    - url: https://wiki.example.com/payments/runbook\n      title: Runbook",
                    e -> verdict(links(e).stream().anyMatch(l -> mentions(l, "runbook")))),
            new ReadinessCheck("api", "Declares the APIs it provides", "Only for services: consumers find the "
                    + "contract, and the catalog draws who calls whom.", "spec:\n  providesApis:\n    - payments-api",
                    e -> !"service".equalsIgnoreCase(String.valueOf(e.spec().get("type"))) ? Verdict.NOT_APPLICABLE
                            : verdict(e.spec().get("providesApis") instanceof List<?> l && !l.isEmpty())));

    /** The verdict of this check for an entity. */
    public Verdict apply(Entity entity) {
        return rule.apply(entity);
    }

    private static Verdict verdict(boolean passed) {
        return passed ? Verdict.PASSED : Verdict.FAILED;
    }

    private static boolean present(Object value) {
        return value instanceof String s ? !s.isBlank() : value != null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> annotations(Entity entity) {
        return entity.metadata().get("annotations") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> links(Entity entity) {
        return entity.metadata().get("links") instanceof List<?> l
                ? l.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    }

    private static boolean mentions(Map<String, Object> link, String word) {
        return (link.get("title") + " " + link.get("url") + " " + link.get("type")).toLowerCase(Locale.ROOT).contains(word);
    }
}
