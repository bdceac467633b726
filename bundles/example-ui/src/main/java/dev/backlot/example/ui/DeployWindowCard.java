package dev.backlot.example.ui;

import dev.backlot.spi.ui.UiContribution;
import java.time.LocalDateTime;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** {@code home.card}: "Deploy window", whether a production deploy is welcome right now. */
@Component(service = UiContribution.class)
public class DeployWindowCard implements UiContribution {

    @Override
    public String slot() {
        return HOME_CARD;
    }

    @Override
    public String id() {
        return "deploy-window";
    }

    @Override
    public String title() {
        return "Deploy window";
    }

    @Override
    public String fragment() {
        return "/ui/deploy-window-card.xhtml";
    }

    @Override
    public Object model(Map<String, Object> context) {
        return new DeployWindow((String) context.get(CONTEXT_USER), LocalDateTime.now());
    }
}
