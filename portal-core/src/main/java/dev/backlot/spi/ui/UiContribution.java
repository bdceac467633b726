package dev.backlot.spi.ui;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A piece of UI a bundle adds to a page, implemented by plugin bundles.
 *
 * <p><b>Slots:</b> {@value #ENTITY_TAB}, {@value #ENTITY_CARD}, {@value #HOME_CARD} and
 * {@value #NAV_PAGE}. Within a slot, contributions are shown in order of {@code service.ranking},
 * highest first.
 *
 * <p><b>Outcomes:</b> the fragment is rendered with {@link #model} bound to {@code #{model}}; an
 * exception from {@link #model} or from the fragment renders as a small error box naming the plugin,
 * and the rest of the page works.
 */
@ConsumerType
public interface UiContribution {

    String ENTITY_TAB = "entity.tab";
    String ENTITY_CARD = "entity.card";
    String HOME_CARD = "home.card";
    String NAV_PAGE = "nav.page";

    /** The slot this contribution fills, one of the constants above. */
    String slot();

    /** A short, URL-safe id, unique within the bundle; names the tab or the {@code /p/{id}} page. */
    String id();

    /** The title shown on the tab, card or sidebar entry. */
    String title();

    /** The path of the Facelets fragment inside the bundle, e.g. {@code /ui/hello-card.xhtml}. */
    String fragment();

    /**
     * The object the fragment sees as {@code #{model}}, created per render.
     *
     * @param context what the page is showing, e.g. {@code entityRef} on entity pages
     */
    default Object model(Map<String, Object> context) {
        return Map.of();
    }
}
