package dev.backlot.example.ui;

import dev.backlot.spi.ui.UiContribution;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code nav.page}: "Readiness guide" at {@code /p/readiness}, with a sidebar entry: every
 * readiness check, why it matters and the YAML that meets it.
 */
@Component(service = UiContribution.class)
public class ReadinessGuidePage implements UiContribution {

    /** The page's model: the checks, in the order the tab shows them. */
    public record Guide(List<ReadinessCheck> checks) {
    }

    @Override
    public String slot() {
        return NAV_PAGE;
    }

    @Override
    public String id() {
        return "readiness";
    }

    @Override
    public String title() {
        return "Readiness guide";
    }

    @Override
    public String fragment() {
        return "/ui/readiness-guide.xhtml";
    }

    @Override
    public Object model(Map<String, Object> context) {
        return new Guide(ReadinessCheck.ALL);
    }
}
