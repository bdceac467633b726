package dev.backlot.example.ui;

import dev.backlot.model.Entity;
import dev.backlot.spi.ui.UiContribution;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code entity.card}: "Links and annotations" on the overview of every kind of entity (no
 * {@link #kinds()} given). Ranked above the default so that it comes before other plugins' cards.
 */
@Component(service = UiContribution.class, property = "service.ranking:Integer=10")
public class LinksCard implements UiContribution {

    @Override
    public String slot() {
        return ENTITY_CARD;
    }

    @Override
    public String id() {
        return "links";
    }

    @Override
    public String title() {
        return "Links and annotations";
    }

    @Override
    public String fragment() {
        return "/ui/links-card.xhtml";
    }

    @Override
    public Object model(Map<String, Object> context) {
        return new EntityLinks((Entity) context.get(CONTEXT_ENTITY));
    }
}
