package dev.backlot.web.ui;

import dev.backlot.plugins.ExtensionRegistry;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.NamingContainer;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The component that holds one plugin fragment on a page ({@code <bl:contribution>}): it renders
 * the fragment into a buffer first and writes the buffer only when rendering succeeded, so an
 * exception halfway through (an EL error, a method of the model that throws) leaves no half-written
 * markup; an error box naming the plugin takes its place and the rest of the page renders. Links
 * and sources with schemes other than http, https and mailto are taken out first ({@link FragmentLinks}).
 *
 * <p>It is a naming container, so ids inside two fragments, or the same fragment twice, never clash.
 */
@FacesComponent(ContributionBox.COMPONENT_TYPE)
public class ContributionBox extends UIComponentBase implements NamingContainer {

    public static final String COMPONENT_TYPE = "dev.backlot.ContributionBox";
    public static final String COMPONENT_FAMILY = "dev.backlot";

    enum Keys {
        bundleId, symbolicName, slot, contributionId, failure
    }

    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    void describe(Contribution contribution) {
        getStateHelper().put(Keys.bundleId, contribution.bundleId());
        getStateHelper().put(Keys.symbolicName, contribution.symbolicName());
        getStateHelper().put(Keys.slot, contribution.slot());
        getStateHelper().put(Keys.contributionId, contribution.id());
    }

    /** Shows {@code reason} instead of the fragment. */
    void fail(String reason) {
        getChildren().clear();
        getStateHelper().put(Keys.failure, reason);
    }

    String failure() {
        return (String) getStateHelper().get(Keys.failure);
    }

    String symbolicName() {
        return (String) getStateHelper().get(Keys.symbolicName);
    }

    long bundleId() {
        Object id = getStateHelper().get(Keys.bundleId);
        return id instanceof Long l ? l : -1;
    }

    String slot() {
        return (String) getStateHelper().get(Keys.slot);
    }

    String contributionId() {
        return (String) getStateHelper().get(Keys.contributionId);
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        pushComponentToEL(context, null);
        ResponseWriter out = context.getResponseWriter();
        out.startElement("div", this);
        out.writeAttribute("id", getClientId(context), null);
        out.writeAttribute("class", "bl-plugin", null);
        out.writeAttribute("data-plugin", symbolicName(), null);
        out.writeAttribute("data-contribution", contributionId(), null);
    }

    @Override
    public void encodeChildren(FacesContext context) throws IOException {
        ResponseWriter out = context.getResponseWriter();
        String failure = failure();
        if (failure == null) {
            out.write(""); // closes the start tag before the buffer takes over
            StringWriter buffer = new StringWriter();
            ResponseWriter inner = out.cloneWithWriter(buffer);
            context.setResponseWriter(inner);
            ExtensionRegistry registry = Fragments.registry();
            try (var call = registry == null ? null : registry.calls().enter(Fragments.extension(registry, this))) {
                for (UIComponent child : getChildren()) {
                    child.encodeAll(context);
                }
                inner.flush();
            } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
                unwindComponentStack(context);
                failure = Fragments.reason(e);
                if (registry != null) {
                    registry.calls().failed(Fragments.extension(registry, this), "UiContribution.render", e);
                }
            } finally {
                context.setResponseWriter(out);
            }
            if (failure == null) {
                out.write(FragmentLinks.neutralise(buffer.toString()));
                return;
            }
        }
        Fragments.writeErrorBox(out, this, Fragments.pluginName(symbolicName()), failure);
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        context.getResponseWriter().endElement("div");
        popComponentFromEL(context);
    }

    /**
     * A child that threw while rendering left itself on the stack that {@code #{component}} reads;
     * take such leftovers off so the components after this one see themselves, not a stranger.
     */
    private void unwindComponentStack(FacesContext context) {
        for (int i = 0; i < 1000; i++) {
            UIComponent current = UIComponent.getCurrentComponent(context);
            if (current == null || current == this) {
                return;
            }
            current.popComponentFromEL(context);
            if (UIComponent.getCurrentComponent(context) == current) {
                return; // it would not come off; leave the stack as it is rather than loop
            }
        }
    }
}
