package dev.backlot.web.it.scaffolderfixture;

import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the bundle {@code ScaffolderIT} deploys while the portal runs: the action
 * {@code test:shout}, which upper-cases {@code text}, names the bundle version that ran it, and
 * waits {@code waitMs} first (so that an update can happen while it runs).
 */
public class ShoutActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(ScaffolderAction.class, new Shout(context.getBundle().getVersion().toString()), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    /** The action. */
    public static final class Shout implements ScaffolderAction {
        private final String version;

        Shout(String version) {
            this.version = version;
        }

        @Override
        public String id() {
            return "test:shout";
        }

        @Override
        public Map<String, Object> inputSchema() {
            return Map.of("type", "object", "required", java.util.List.of("text"),
                    "properties", Map.of("text", Map.of("type", "string"), "waitMs", Map.of("type", "integer")));
        }

        @Override
        public void execute(ActionContext context) throws Exception {
            Object wait = context.input().get("waitMs");
            if (wait instanceof Number n) {
                long end = System.currentTimeMillis() + n.longValue();
                while (System.currentTimeMillis() < end && !context.isCancelled()) {
                    Thread.sleep(20);
                }
            }
            String shout = String.valueOf(context.input().get("text")).toUpperCase() + " (v" + version + ")";
            context.log(shout);
            context.output("shout", shout);
        }
    }
}
