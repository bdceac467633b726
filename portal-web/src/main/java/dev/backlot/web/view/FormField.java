package dev.backlot.web.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field of a template's form, read from its JSON Schema and {@code ui:*} options: what the
 * wizard renders ({@link #getKind()}) and how its value is read back.
 *
 * <p>Kinds: {@code text}, {@code textarea}, {@code password}, {@code number}, {@code integer},
 * {@code boolean}, {@code select}, {@code radio}, {@code multiselect} (an array of enums),
 * {@code chips} (an array of strings, {@code EntityTagsPicker}), {@code entity} ({@code EntityPicker},
 * {@code OwnerPicker}), {@code entities} ({@code MultiEntityPicker}), {@code repo} ({@code RepoUrlPicker}),
 * and {@code group}: a nested object ({@code type: object} with {@code properties}), whose fields are
 * its {@link #getChildren() children} and whose value is an object of theirs.
 *
 * <p>Whether a field shows and whether it is required depend on the values ({@link FormVisibility});
 * {@link #isControlling()} marks the fields whose change re-evaluates that.
 */
public final class FormField implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One choice of a select, radio or multi-select. */
    public record Choice(String value, String label) implements Serializable {
    }

    private final String name;
    private final String title;
    private final String description;
    private final String kind;
    private final boolean required;
    private final boolean secret;
    private final boolean readonly;
    private final boolean autofocus;
    private final String placeholder;
    private final String help;
    private final List<Choice> choices;
    private final List<String> catalogKinds;
    private final List<String> allowedHosts;
    private final List<FormField> children = new ArrayList<>();
    private boolean controlling;
    private boolean selector;
    private Object defaultValue;
    private String label;

    FormField(String name, String title, String description, String kind, boolean required, boolean secret,
            boolean readonly, boolean autofocus, String placeholder, String help, List<Choice> choices,
            List<String> catalogKinds, List<String> allowedHosts) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.required = required;
        this.secret = secret;
        this.readonly = readonly;
        this.autofocus = autofocus;
        this.placeholder = placeholder;
        this.help = help;
        this.choices = new ArrayList<>(choices);
        this.catalogKinds = new ArrayList<>(catalogKinds);
        this.allowedHosts = new ArrayList<>(allowedHosts);
        this.label = title;
    }

    /** The field's path ({@link FormPath}): {@code name}, or {@code parent/child} for a field of a nested object. */
    public String getName() {
        return name;
    }

    /** A Faces-safe id for the field's input, unique per path ({@link FormPath#facesId}). */
    public String getId() {
        return FormPath.facesId(name);
    }

    /** Keys of a repository picker's parts in the wizard's values (never a field's path: {@code ~h} is no escape). */
    public String getHostKey() {
        return name + "/~host";
    }

    public String getOwnerKey() {
        return name + "/~owner";
    }

    public String getRepoKey() {
        return name + "/~repo";
    }

    /** The fields of a nested object ({@code group}); empty for any other kind. */
    public List<FormField> getChildren() {
        return children;
    }

    public boolean isGroup() {
        return "group".equals(kind);
    }

    /** A change of this field's value may show or hide other fields (it is read by a {@code dependencies} key or an {@code if}). */
    public boolean isControlling() {
        return controlling;
    }

    void controlling() {
        this.controlling = true;
        children.forEach(FormField::controlling);
    }

    /**
     * The radio buttons that choose among an object's {@code oneOf}/{@code anyOf} alternatives
     * ({@link FormPath#alternatives}): its value (the index) is the form's, never the template's.
     */
    public boolean isSelector() {
        return selector;
    }

    void selector() {
        this.selector = true;
        this.controlling = true;
    }

    /** The schema's {@code default}, or null. */
    public Object getDefaultValue() {
        return defaultValue;
    }

    void defaultValue(Object value) {
        this.defaultValue = value;
    }

    /** The title with its nested objects' titles before it ({@code Rails arguments › minimal}), for the review. */
    public String getLabel() {
        return label;
    }

    void label(String label) {
        this.label = label;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getKind() {
        return kind;
    }

    public boolean isRequired() {
        return required;
    }

    /** A password widget or a {@code Secret} field: sent as a secret, never shown in the review, URL or log. */
    public boolean isSecret() {
        return secret;
    }

    public boolean isReadonly() {
        return readonly;
    }

    public boolean isAutofocus() {
        return autofocus;
    }

    public String getPlaceholder() {
        return placeholder;
    }

    public String getHelp() {
        return help;
    }

    public List<Choice> getChoices() {
        return choices;
    }

    public List<String> getCatalogKinds() {
        return catalogKinds;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    /** The schema's value for a JSON value map. */
    static Object typed(FormField field, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return null;
        }
        return switch (field.kind) {
            case "number" -> value instanceof Number n ? n.doubleValue() : parse(value, false);
            case "integer" -> value instanceof Number n ? (Object) n.longValue() : parse(value, true);
            case "boolean" -> value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
            case "multiselect", "chips", "entities" -> value instanceof Object[] a ? List.of(a)
                    : value instanceof List<?> l ? l : List.of(String.valueOf(value).split("\\s*,\\s*"));
            default -> value;
        };
    }

    private static Object parse(Object value, boolean integer) {
        try {
            return integer ? (Object) Long.parseLong(String.valueOf(value).strip())
                    : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return value; // the schema validation names the field
        }
    }

    @Override
    public String toString() {
        return name + ":" + kind;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
