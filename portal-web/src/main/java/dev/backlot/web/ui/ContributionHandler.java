package dev.backlot.web.ui;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.spi.ui.UiContribution;
import dev.backlot.web.view.CatalogEntity;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.facelets.ComponentConfig;
import jakarta.faces.view.facelets.ComponentHandler;
import jakarta.faces.view.facelets.FaceletContext;
import jakarta.faces.view.facelets.MetaRuleset;
import jakarta.faces.view.facelets.TagAttribute;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <bl:contribution value="#{c}" entity="#{entityView.entity}"/>}: builds one plugin
 * contribution into a {@link ContributionBox} while the view is built.
 *
 * <p>It asks the plugin for its model through the guard (time limit, failures counted), binds it as
 * {@code #{model}} together with {@code #{pluginResources}}, and includes the fragment by its
 * {@link FragmentPath}. A contribution whose bundle went away since the page listed it is skipped
 * (an include of a path that no longer exists would fail the whole page); one whose model or
 * fragment fails becomes an error box.
 *
 * <p>The fragment sees only {@code model} and {@code pluginResources} as variables (and the
 * portal's named beans, as any page does): the page's own variables are not passed on.
 */
public class ContributionHandler extends ComponentHandler {

    private final TagAttribute value;
    private final TagAttribute entity;

    public ContributionHandler(ComponentConfig config) {
        super(config);
        value = getRequiredAttribute("value");
        entity = getAttribute("entity");
    }

    @Override
    protected MetaRuleset createMetaRuleset(Class type) {
        return super.createMetaRuleset(type).ignore("value").ignore("entity");
    }

    @Override
    public void applyNextHandler(FaceletContext ctx, UIComponent component) throws IOException {
        ContributionBox box = (ContributionBox) component;
        Contribution contribution = (Contribution) value.getObject(ctx, Contribution.class);
        ExtensionRegistry registry = Fragments.registry();
        if (contribution == null || registry == null) {
            box.setRendered(false);
            return;
        }
        box.describe(contribution);
        // The service this request listed (held until the response is written), so that a page
        // started before an update finishes with the old revision instead of losing the box.
        Optional<Extension<UiContribution>> found = Fragments.contributions().service(contribution)
                .or(() -> Fragments.find(registry, contribution.bundleId(), contribution.slot(), contribution.id()));
        if (found.isEmpty() || registry.revision(contribution.bundleId()).orElse(-1L) != contribution.revision()) {
            box.setRendered(false); // removed or updated since the page listed it: the next view shows the new state
            return;
        }
        Extension<UiContribution> extension = found.get();
        PluginCalls calls = registry.calls();
        CatalogEntity shown = entity == null ? null : (CatalogEntity) entity.getObject(ctx, CatalogEntity.class);
        ExternalContext external = ctx.getFacesContext().getExternalContext();
        Principal user = external.getUserPrincipal();
        Map<String, Object> context = ContributionContext.of(contribution.slot(), user == null ? null : user.getName(),
                shown == null ? null : shown.entity());
        Object model;
        try {
            model = calls.call(extension, "UiContribution.model", Duration.ofMillis(UiContribution.MODEL_TIME_LIMIT_IN_MS),
                    () -> extension.service().model(context));
        } catch (PluginCallException e) {
            box.fail(Fragments.reason(e));
            return;
        }
        ExpressionFactory expressions = ctx.getExpressionFactory();
        PluginResources resources = new PluginResources(external.getRequestContextPath(), contribution.symbolicName(),
                contribution.revision());
        VariableMapper outer = ctx.getVariableMapper();
        ctx.setVariableMapper(new FragmentVariables(Map.of(
                "model", expressions.createValueExpression(model, Object.class),
                "pluginResources", expressions.createValueExpression(resources, PluginResources.class))));
        try (PluginCalls.InFlight call = calls.enter(extension)) {
            ctx.includeFacelet(box, contribution.fragment());
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            calls.failed(extension, "UiContribution.fragment", e);
            box.fail(Fragments.reason(e));
        } finally {
            ctx.setVariableMapper(outer);
        }
    }

    /** The variables a fragment sees; tags inside it (ui:param, ui:repeat) may add their own. */
    private static final class FragmentVariables extends VariableMapper {
        private final Map<String, ValueExpression> variables;

        FragmentVariables(Map<String, ValueExpression> variables) {
            this.variables = new HashMap<>(variables);
        }

        @Override
        public ValueExpression resolveVariable(String name) {
            return variables.get(name);
        }

        @Override
        public ValueExpression setVariable(String name, ValueExpression expression) {
            return expression == null ? variables.remove(name) : variables.put(name, expression);
        }
    }
}
