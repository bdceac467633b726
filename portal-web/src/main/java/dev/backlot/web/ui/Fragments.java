package dev.backlot.web.ui;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.spi.ui.UiContribution;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link ContributionHandler} and {@link ContributionBox} share: finding the plugin, naming a failure. */
final class Fragments {

    private Fragments() {
    }

    /**
     * This request's {@link UiContributions}, for the Faces parts that are neither beans nor
     * injection targets (components and tag handlers): found through EL, as Faces finds any bean.
     */
    static UiContributions contributions() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().evaluateExpressionGet(faces, "#{uiContributions}", UiContributions.class);
    }

    /** The plugin registry (empty when the plugin framework is not running). */
    static ExtensionRegistry registry() {
        return contributions().registry();
    }

    /** The service registered now for this contribution, if its bundle still offers it. */
    static Optional<Extension<UiContribution>> find(ExtensionRegistry registry, long bundleId, String slot, String id) {
        for (Extension<UiContribution> extension : registry.extensions(UiContribution.class)) {
            if (extension.bundleId() != bundleId) {
                continue;
            }
            try {
                if (id.equals(extension.service().id()) && slot.equals(extension.service().slot())) {
                    return Optional.of(extension);
                }
            } catch (RuntimeException | LinkageError broken) {
                // ContributionReader already counted and left it out
            }
        }
        return Optional.empty();
    }

    /**
     * The extension a box renders, for counting; when its bundle went away after the page was built,
     * a stand-in with the same bundle and name, so the failure is still counted against the plugin.
     */
    static Extension<?> extension(ExtensionRegistry registry, ContributionBox box) {
        return find(registry, box.bundleId(), box.slot(), box.contributionId()).<Extension<?>>map(e -> e)
                .orElseGet(() -> new Extension<>(new Object(), box.bundleId(), box.symbolicName(), 0));
    }

    /** A plugin's name for people: {@code Bundle-Name}, else the symbolic name. */
    static String pluginName(String symbolicName) {
        return contributions().host().plugin(symbolicName).map(PluginInfo::name)
                .filter(n -> !n.isBlank()).orElse(symbolicName);
    }

    /**
     * Why a contribution could not be shown, in a few words: the innermost cause's message, and where
     * in the fragment it happened when Facelets says so, e.g. {@code boom (ui/card.xhtml line 12)}.
     */
    static String reason(Throwable failure) {
        if (failure instanceof PluginCallException call && call.timedOut()) {
            return "it did not answer within " + UiContribution.MODEL_TIME_LIMIT_IN_MS + " ms";
        }
        String where = null;
        Throwable root = failure;
        for (int depth = 0; root != null && depth < 50; depth++) {
            Matcher location = root.getMessage() == null ? null : LOCATION.matcher(root.getMessage());
            if (where == null && location != null && location.find()) {
                where = location.group(1).replaceFirst("^/*(plugin/\\d+/\\d+/)?", "") + " line " + location.group(2);
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().replaceAll("\\s+", " ").strip();
        return where == null ? message : message + " (" + where + ")";
    }

    /** How Facelets names a place in a file: {@code /ui/card.xhtml @12,30}. */
    private static final Pattern LOCATION = Pattern.compile("(\\S+\\.xhtml) @(\\d+),\\d+");

    /** The small box shown in place of a contribution that failed. */
    static void writeErrorBox(ResponseWriter out, UIComponent component, String plugin, String reason)
            throws IOException {
        out.startElement("div", component);
        out.writeAttribute("class", "bl-plugin-error", null);
        out.writeAttribute("role", "alert", null);
        out.writeText("The plugin " + plugin + " could not show this: " + reason, null);
        out.endElement("div");
    }
}
