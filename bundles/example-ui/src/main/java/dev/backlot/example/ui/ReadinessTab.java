package dev.backlot.example.ui;

import dev.backlot.model.Entity;
import dev.backlot.spi.ui.UiContribution;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code entity.tab}: a "Readiness" tab on Component pages only ({@link #kinds()}), at
 * {@code /catalog/{ns}/component/{name}?tab=readiness}, scoring the component against
 * {@link ReadinessCheck#ALL}. Its fragment uses the bundle's stylesheet {@code /static/example-ui.css}.
 */
@Component(service = UiContribution.class)
public class ReadinessTab implements UiContribution {

    @Override
    public String slot() {
        return ENTITY_TAB;
    }

    @Override
    public String id() {
        return "readiness";
    }

    @Override
    public String title() {
        return "Readiness";
    }

    @Override
    public String fragment() {
        return "/ui/readiness-tab.xhtml";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Component");
    }

    @Override
    public Object model(Map<String, Object> context) {
        return new Scorecard((Entity) context.get(CONTEXT_ENTITY));
    }
}
