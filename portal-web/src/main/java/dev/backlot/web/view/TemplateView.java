package dev.backlot.web.view;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskRequest;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.event.FlowEvent;

/**
 * {@code /create/templates/{namespace}/{name}}: the template's parameters as a PrimeFaces wizard,
 * one step per page, then a review step (without secrets), then the task. Each step is validated
 * against its JSON Schema by the scaffolder (networknt's validator) before the next one opens, and
 * every message shows beside its field.
 */
@Named
@ViewScoped
public class TemplateView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String LOCAL_HOST = "local";

    @Inject
    transient ScaffolderService scaffolder;
    @Inject
    transient CatalogService catalog;

    private String namespace;
    private String name;
    private String title;
    private String description;
    private List<FormPages.Page> pages = List.of();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private FormVisibility.Result visibility = FormVisibility.Result.NONE;
    /** Per page: whether its page-level {@code if} holds for the values so far (all true without conditions). */
    private List<Boolean> shownPages = List.of();
    private String problem;

    @PostConstruct
    void init() {
        // read here, not through f:viewParam: the wizard's steps are built from the pages when the view is built
        Map<String, String> params = external().getRequestParameterMap();
        namespace = params.getOrDefault("namespace", EntityRef.DEFAULT_NAMESPACE);
        name = params.get("name");
        if (name == null) {
            problem = "No template named in the address.";
            return;
        }
        try {
            Map<String, Object> schema = scaffolder.parameterSchema(new EntityRef("template", namespace, name));
            title = String.valueOf(schema.get("title"));
            description = String.valueOf(schema.getOrDefault("description", ""));
            List<Object> schemas = new ArrayList<>();
            if (schema.get("steps") instanceof List<?> steps) {
                steps.forEach(s -> schemas.add(((Map<?, ?>) s).get("schema")));
            }
            pages = FormPages.read(schemas);
            pages.forEach(page -> defaults(page.fields()));
            refresh();
        } catch (ScaffolderException | ServiceUnavailableException e) {
            problem = e.getMessage();
        }
    }

    private void defaults(List<FormField> fields) {
        for (FormField field : fields) {
            if (field.getDefaultValue() != null) {
                values.putIfAbsent(field.getName(), field.getDefaultValue());
            }
            defaults(field.getChildren());
        }
    }

    /**
     * Re-evaluates which fields show and which are required for the values now in the form: after
     * a controlling field changed (ajax), before a step is validated and before the task starts.
     */
    public void refresh() {
        List<Map<String, Object>> schemas = pages.stream().map(FormPages.Page::schema).toList();
        Map<String, Integer> chosen = new HashMap<>();
        pages.forEach(page -> selectors(page.fields(), chosen));
        visibility = FormVisibility.of(schemas, values(null, false), chosen,
                (schema, data) -> scaffolder.validate(schema, data).isEmpty());
        try {
            shownPages = List.of();
            shownPages = scaffolder.shownPages(schemas, values(null, true));
        } catch (ScaffolderException e) {
            problem = e.getMessage();
        }
    }

    /** Whether page {@code index} applies to the values so far (its page-level {@code if} holds, or it has none). */
    public boolean pageShown(int index) {
        return index >= shownPages.size() || shownPages.get(index);
    }

    /** The indexes of the pages that do not apply, space separated (portal.js hides their step titles). */
    public String getHiddenSteps() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (!pageShown(i)) {
                out.add(String.valueOf(i));
            }
        }
        return String.join(" ", out);
    }

    private void selectors(List<FormField> fields, Map<String, Integer> chosen) {
        for (FormField field : fields) {
            if (field.isSelector() && values.get(field.getName()) != null) {
                try {
                    chosen.put(field.getName(), Integer.valueOf(String.valueOf(values.get(field.getName()))));
                } catch (NumberFormatException e) {
                    // not one of the offered indexes (a forged request): the first alternative the values fit
                }
            }
            selectors(field.getChildren(), chosen);
        }
    }

    /** Whether the field (or nested object) shows for the current values. */
    public boolean shows(FormField field) {
        return visibility.shown().contains(field.getName());
    }

    /** Whether the field is required for the current values ({@code required}, or brought in by a condition). */
    public boolean requires(FormField field) {
        return visibility.required().contains(field.getName());
    }

    /**
     * Moving forward validates the step being left; a step with problems stays open. Next and Back
     * skip the pages whose page-level {@code if} does not hold for the values so far.
     */
    public String onFlow(FlowEvent event) {
        String from = event.getOldStep();
        int i = index(from);
        if (index(event.getNewStep()) > i) {
            if (from.startsWith("step") && !validate(pages.get(i))) {
                return from;
            }
            refresh();
            for (int j = i + 1; j < pages.size(); j++) {
                if (pageShown(j)) {
                    return "step" + j;
                }
            }
            return "review";
        }
        refresh();
        for (int j = Math.min(i, pages.size()) - 1; j >= 0; j--) {
            if (pageShown(j)) {
                return "step" + j;
            }
        }
        return "step0";
    }

    private static int index(String step) {
        return step.startsWith("step") ? Integer.parseInt(step.substring(4)) : Integer.MAX_VALUE;
    }

    private boolean validate(FormPages.Page page) {
        refresh();
        errors.clear();
        Map<String, Object> data = nested(null);
        Map<String, String> problems = new LinkedHashMap<>();
        scaffolder.validate(page.schema(), data).forEach((path, message) -> {
            // a message for a path no field shows (or the whole page, e.g. no oneOf branch fits) stays on the page
            String key = visibility.shown().contains(path) ? path : "_page";
            problems.merge(key, key.equals("_page") && !path.isEmpty() ? path + ": " + message : message,
                    (x, y) -> x + "; " + y);
        });
        // a field a condition made required that has no value: said beside it even when the validator
        // only reports the condition as a whole (a oneOf dependency whose branch is incomplete)
        missing(page.fields(), data, problems);
        errors.putAll(problems);
        if (!problems.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Some fields need attention", "See the messages beside the fields."));
        }
        return problems.isEmpty();
    }

    private void missing(List<FormField> fields, Map<String, Object> data, Map<String, String> problems) {
        for (FormField field : fields) {
            if (!shows(field)) {
                continue;
            }
            if (requires(field) && valueAt(data, field.getName()) == null) {
                problems.putIfAbsent(field.getName(), "is required");
            }
            missing(field.getChildren(), data, problems);
        }
    }

    private static Object valueAt(Map<String, Object> data, String path) {
        Object at = data;
        for (String segment : FormPath.segments(path)) {
            at = at instanceof Map<?, ?> m ? m.get(segment) : null;
        }
        return at;
    }

    /**
     * The form's values as the template sees them: fields that show, nested objects as objects.
     *
     * @param secretsOnly true: only the secrets; false: everything but them; null: all (to validate)
     */
    Map<String, Object> nested(Boolean secretsOnly) {
        return values(secretsOnly, true);
    }

    private Map<String, Object> values(Boolean secretsOnly, boolean shownOnly) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            if (!shownOnly || pageShown(i)) {
                collect(pages.get(i).fields(), secretsOnly, shownOnly, out);
            }
        }
        return out;
    }

    private void collect(List<FormField> fields, Boolean secretsOnly, boolean shownOnly, Map<String, Object> out) {
        for (FormField field : fields) {
            if (shownOnly && !shows(field) || field.isSelector()) {
                continue;
            }
            if (field.isGroup()) {
                collect(field.getChildren(), secretsOnly, shownOnly, out);
                continue;
            }
            if (secretsOnly != null && field.isSecret() != secretsOnly) {
                continue;
            }
            Object value = value(field);
            if (value != null) {
                put(out, FormPath.segments(field.getName()), value);
            }
        }
    }

    private Object value(FormField field) {
        return "repo".equals(field.getKind()) ? repoUrl(field) : FormField.typed(field, values.get(field.getName()));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, List<String> path, Object value) {
        if (path.size() == 1) {
            into.put(path.get(0), value);
            return;
        }
        Object child = into.get(path.get(0));
        if (!(child instanceof Map<?, ?>)) {
            child = new LinkedHashMap<String, Object>();
            into.put(path.get(0), child);
        }
        put((Map<String, Object>) child, path.subList(1, path.size()), value);
    }

    private String repoUrl(FormField field) {
        Object host = values.get(field.getHostKey());
        Object owner = values.get(field.getOwnerKey());
        Object repo = values.get(field.getRepoKey());
        if (owner == null && repo == null) {
            Object whole = values.get(field.getName());
            return whole == null ? null : String.valueOf(whole);
        }
        return (host == null ? LOCAL_HOST : host) + "?owner=" + (owner == null ? "" : owner) + "&repo=" + (repo == null ? "" : repo);
    }

    /** Runs the template and opens the task page. */
    public void create() throws IOException {
        if (external().getUserPrincipal() == null) {
            problem("Sign in to run a template", "Running a template needs a signed-in user.");
            return;
        }
        refresh();
        for (int i = 0; i < pages.size(); i++) {
            if (pageShown(i) && !validate(pages.get(i))) {
                return;
            }
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        nested(true).forEach((k, v) -> secrets.put(k, String.valueOf(v)));
        try {
            ScaffolderTask task = scaffolder.create(new TaskRequest(new EntityRef("template", namespace, name).canonical(),
                    nested(false), secrets), external().getUserPrincipal().getName());
            external().redirect(external().getRequestContextPath() + "/create/tasks/" + task.id());
        } catch (ScaffolderException | ServiceUnavailableException e) {
            problem("The task could not be started", e.getMessage());
        }
    }

    /** What the review step lists: every value that shows but the secrets, nested fields labelled with their objects' titles. */
    public List<Map.Entry<String, String>> getReview() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pageShown(i)) {
                review(pages.get(i).fields(), out);
            }
        }
        return out;
    }

    private void review(List<FormField> fields, List<Map.Entry<String, String>> out) {
        for (FormField field : fields) {
            if (!shows(field) || field.isSecret() || field.isSelector()) {
                continue;
            }
            if (field.isGroup()) {
                review(field.getChildren(), out);
                continue;
            }
            Object value = value(field);
            out.add(Map.entry(field.getLabel(), value == null ? "" : value instanceof List<?> l
                    ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        }
    }

    /** Autocomplete of the pickers: entity refs of the field's kinds whose name or title contains the text. */
    public List<String> complete(String query) {
        UIComponent component = UIComponent.getCurrentComponent(FacesContext.getCurrentInstance());
        Object field = component == null ? null : component.getAttributes().get("field");
        List<String> kinds = field instanceof FormField f ? f.getCatalogKinds() : List.of();
        List<String> filters = kinds.isEmpty() ? List.of() : List.of("kind=" + String.join(",", kinds).toLowerCase(Locale.ROOT));
        String text = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        try {
            for (Entity e : catalog.entities(new EntityQuery(filters.isEmpty() ? EntityFilter.ALL : EntityFilter.parse(
                    kinds.stream().map(k -> "kind=" + k.toLowerCase(Locale.ROOT)).toList()), List.of(), 0, 500, null, List.of()))) {
                String ref = e.ref().canonical();
                if (ref.contains(text) || (e.title() != null && e.title().toLowerCase(Locale.ROOT).contains(text))) {
                    out.add(ref);
                }
                if (out.size() >= 20) {
                    break;
                }
            }
        } catch (ServiceUnavailableException e) {
            // no suggestions while the catalog is away; typing a ref still works
        }
        return out;
    }

    /** The hosts a repository picker offers: the portal's own git server first. */
    public List<String> hosts(FormField field) {
        List<String> out = new ArrayList<>();
        out.add(LOCAL_HOST);
        field.getAllowedHosts().stream().filter(h -> !LOCAL_HOST.equals(h)).forEach(out::add);
        return out;
    }

    private void problem(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public List<FormPages.Page> getPages() {
        return pages;
    }

    public Map<String, Object> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getProblem() {
        return problem;
    }

    public String getName() {
        return name;
    }
}
