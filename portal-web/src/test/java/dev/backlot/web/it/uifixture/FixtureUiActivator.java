package dev.backlot.web.it.uifixture;

import dev.backlot.spi.ui.UiContribution;
import java.util.Map;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the test bundle {@code UiContributionsIT} builds: UI contributions that fail in
 * each way a plugin can (its model throws, its fragment throws while rendering, its fragment has an
 * EL error), and one whose markup changes between two versions of the bundle.
 */
public class FixtureUiActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        String version = context.getBundle().getVersion().toString();
        register(context, new FixtureContribution(UiContribution.HOME_CARD, "versioned", "/ui/versioned.xhtml", version, null));
        register(context, new FixtureContribution(UiContribution.HOME_CARD, "failing-model", "/ui/versioned.xhtml", version,
                "the model broke"));
        register(context, new FixtureContribution(UiContribution.HOME_CARD, "failing-render", "/ui/explodes.xhtml", version,
                null));
        register(context, new FixtureContribution(UiContribution.ENTITY_CARD, "failing-el", "/ui/missing-property.xhtml",
                version, null));
    }

    private static void register(BundleContext context, UiContribution contribution) {
        context.registerService(UiContribution.class, contribution, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }

    /** A contribution whose model is a {@link FixtureModel}, or whose model throws {@code modelFailure}. */
    public static final class FixtureContribution implements UiContribution {
        private final String slot;
        private final String id;
        private final String fragment;
        private final String version;
        private final String modelFailure;

        FixtureContribution(String slot, String id, String fragment, String version, String modelFailure) {
            this.slot = slot;
            this.id = id;
            this.fragment = fragment;
            this.version = version;
            this.modelFailure = modelFailure;
        }

        @Override
        public String slot() {
            return slot;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return "Fixture " + id;
        }

        @Override
        public String fragment() {
            return fragment;
        }

        @Override
        public Object model(Map<String, Object> context) {
            if (modelFailure != null) {
                throw new IllegalStateException(modelFailure);
            }
            return new FixtureModel(version);
        }
    }
}
