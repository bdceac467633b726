package dev.backlot.web.it.zdfixture;

import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import dev.backlot.spi.ui.UiContribution;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the bundle {@code ZeroDowntimeIT} updates under load: a page of its own
 * ({@code /p/zd}) and a template action listed by {@code /api/scaffolder/v2/actions}, both naming
 * the bundle version that serves them.
 */
public class ServingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        String version = context.getBundle().getVersion().toString();
        context.registerService(UiContribution.class, new Page(version), null);
        context.registerService(ScaffolderAction.class, new Action(version), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }

    /** The page: its model is the version. */
    public static final class Page implements UiContribution {
        private final String version;

        Page(String version) {
            this.version = version;
        }

        @Override
        public String slot() {
            return NAV_PAGE;
        }

        @Override
        public String id() {
            return "zd";
        }

        @Override
        public String title() {
            return "Zero downtime";
        }

        @Override
        public String fragment() {
            return "/ui/zd.xhtml";
        }

        @Override
        public Object model(Map<String, Object> context) {
            return new Model(version);
        }
    }

    /** What the fragment reads. */
    public static final class Model {
        private final String version;

        Model(String version) {
            this.version = version;
        }

        public String version() {
            return version;
        }
    }

    /** The action: its description names the version. */
    public static final class Action implements ScaffolderAction {
        private final String version;

        Action(String version) {
            this.version = version;
        }

        @Override
        public String id() {
            return "zd:echo";
        }

        @Override
        public String description() {
            return "zero-downtime fixture " + version;
        }

        @Override
        public void execute(ActionContext context) {
            context.output("version", version);
        }
    }
}
