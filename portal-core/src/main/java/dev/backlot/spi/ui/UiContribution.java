package dev.backlot.spi.ui;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A piece of UI a bundle adds to a page, implemented by plugin bundles.
 *
 * <p><b>Slots:</b>
 * <ul>
 * <li>{@value #ENTITY_TAB}: a tab on the entity page, {@code /catalog/{ns}/{kind}/{name}?tab={id}};
 *     a built-in tab ({@code overview}, {@code relations}, {@code api}, {@code raw}) wins over a
 *     contribution with the same id;</li>
 * <li>{@value #ENTITY_CARD}: a card on the entity's overview;</li>
 * <li>{@value #HOME_CARD}: a card on the home page;</li>
 * <li>{@value #NAV_PAGE}: a page of its own at {@code /p/{id}} with an entry in the sidebar; when two
 *     contributions use the same id, the higher-ranked one owns the page.</li>
 * </ul>
 * Within a slot, contributions are shown in order of {@code service.ranking}, highest first.
 * {@link #kinds()} and {@link #types()} restrict the two entity slots to some entities.
 *
 * <p><b>Rendering:</b> the portal includes the fragment, a Facelets file inside the bundle, with
 * {@link #model} bound to {@code #{model}} (EL calls its public methods, even on a class private to
 * the bundle) and {@code #{pluginResources.url('app.css')}} giving the URL of the bundle's entry
 * {@code /static/app.css}. A fragment is addressed by bundle and revision, so after an update the
 * new markup shows at once.
 *
 * <p><b>Failures:</b> {@link #model} runs under a time limit of {@value #MODEL_TIME_LIMIT_IN_MS} ms;
 * an exception or timeout from it, or an exception while the fragment is built or rendered (an EL
 * error included), renders as a small error box naming the plugin, counts as a failure of the
 * plugin, and the rest of the page works.
 *
 * <pre>{@code
 * @Component(service = UiContribution.class, property = "service.ranking:Integer=10")
 * public class BuildsTab implements UiContribution {
 *     public String slot() { return ENTITY_TAB; }
 *     public String id() { return "builds"; }
 *     public String title() { return "Builds"; }
 *     public String fragment() { return "/ui/builds.xhtml"; }
 *     public Set<String> kinds() { return Set.of("Component"); }
 *     public Object model(Map<String, Object> context) { return new Builds((String) context.get(CONTEXT_NAME)); }
 * }
 * }</pre>
 */
@ConsumerType
public interface UiContribution {

    String ENTITY_TAB = "entity.tab";
    String ENTITY_CARD = "entity.card";
    String HOME_CARD = "home.card";
    String NAV_PAGE = "nav.page";

    /** Context key: the slot being rendered, one of the slot constants. */
    String CONTEXT_SLOT = "slot";
    /** Context key: the signed-in user's name, absent when nobody is signed in. */
    String CONTEXT_USER = "user";
    /** Context key, entity slots: the entity shown, a {@link dev.backlot.model.Entity}. */
    String CONTEXT_ENTITY = "entity";
    /** Context key, entity slots: the entity's reference, a {@link dev.backlot.model.EntityRef}. */
    String CONTEXT_ENTITY_REF = "entityRef";
    /** Context key, entity slots: the entity's kind as written in the catalog, e.g. {@code Component}. */
    String CONTEXT_KIND = "kind";
    /** Context key, entity slots: the entity's namespace. */
    String CONTEXT_NAMESPACE = "namespace";
    /** Context key, entity slots: the entity's name. */
    String CONTEXT_NAME = "name";

    /** How long {@link #model} may take before the portal shows an error box instead. */
    long MODEL_TIME_LIMIT_IN_MS = 2_000;

    /** The slot this contribution fills, one of the constants above. */
    String slot();

    /**
     * A short, URL-safe id ({@code [a-z0-9-]}), unique within the bundle; names the tab or the
     * {@code /p/{id}} page. A contribution with another id is not shown (the host logs why).
     */
    String id();

    /** The title shown on the tab, card or sidebar entry. */
    String title();

    /** The path of the Facelets fragment inside the bundle, e.g. {@code /ui/hello-card.xhtml}. */
    String fragment();

    /**
     * The object the fragment sees as {@code #{model}}, created per render on a thread of the
     * portal's (not the request's) under {@link #MODEL_TIME_LIMIT_IN_MS}.
     *
     * @param context what the page is showing: the {@code CONTEXT_*} keys, e.g. {@link #CONTEXT_ENTITY}
     *     on entity pages; unmodifiable
     */
    default Object model(Map<String, Object> context) {
        return Map.of();
    }

    /**
     * For {@value #ENTITY_TAB} and {@value #ENTITY_CARD}: the entity kinds it is shown for,
     * compared ignoring case (e.g. {@code Component}); empty (the default) means every kind.
     *
     * @since 1.0.0
     */
    default Set<String> kinds() {
        return Set.of();
    }

    /**
     * For {@value #ENTITY_TAB} and {@value #ENTITY_CARD}: the {@code spec.type} values it is shown
     * for, compared ignoring case (e.g. {@code service}); empty (the default) means every type, and
     * entities without a type too.
     *
     * @since 1.0.0
     */
    default Set<String> types() {
        return Set.of();
    }
}
