package dev.backlot.web;

import dev.backlot.config.PortalConfig;
import dev.backlot.plugins.BundleSource;
import dev.backlot.runtime.Portal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the portal's engines when the web application starts and stops them before it stops.
 *
 * <p>Settings come from MicroProfile Config (environment variables such as {@code PORTAL_DATA}).
 * The bundles the portal ships are read from the WAR: {@code WEB-INF/bundles/system} (the
 * framework's Declarative Services) and {@code WEB-INF/bundles/default} (built-in plugins).
 */
@ApplicationScoped
public class PortalRuntime {

    private static final Logger LOG = Logger.getLogger(PortalRuntime.class.getName());
    private Portal portal;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        var config = ConfigProvider.getConfig();
        PortalConfig settings = PortalConfig.from(name -> config.getOptionalValue(name, String.class));
        portal = Portal.start(settings, bundles(context, "/WEB-INF/bundles/system/"),
                bundles(context, "/WEB-INF/bundles/default/"));
        portal.generatedAdminPassword().ifPresent(password -> {
            // Shown once, on the console of the first start; only its hash is stored.
            String banner = "\n==============================================================\n"
                    + " Backlot first start: sign in as 'admin' with password\n   " + password + "\n"
                    + " It is not shown again. Set PORTAL_ADMIN_PASSWORD to choose one.\n"
                    + "==============================================================";
            System.out.println(banner);
        });
        LOG.info(() -> "Backlot started: " + portal.readiness());
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext context) {
        if (portal != null) {
            portal.close();
            portal = null;
        }
    }

    /**
     * Whether the portal can serve, and each check behind the answer (readiness and the home page).
     * Views and resources get the engines themselves injected ({@link PortalServices}).
     */
    public dev.backlot.runtime.Readiness readiness() {
        return portal().readiness();
    }

    /** The running engines, for {@link PortalServices} (the composition root) only. */
    Portal portal() {
        if (portal == null) {
            throw new IllegalStateException("Backlot is not started");
        }
        return portal;
    }

    private static List<BundleSource> bundles(ServletContext context, String folder) {
        Set<String> paths = context.getResourcePaths(folder);
        List<BundleSource> out = new ArrayList<>();
        if (paths == null) {
            return out;
        }
        for (String path : new TreeSet<>(paths)) {
            if (!path.endsWith(".jar")) {
                continue;
            }
            try (InputStream in = context.getResourceAsStream(path)) {
                out.add(new BundleSource(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path + " from the web application", e);
            }
        }
        return out;
    }
}
