package dev.backlot.discovery;

import dev.backlot.model.Entity;
import dev.backlot.spi.catalog.EntityProvider;
import dev.backlot.spi.catalog.EntityProviderConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Finds every {@code catalog-info.yaml} below the folders in {@code PORTAL_DISCOVERY_ROOTS}
 * (comma-separated; default {@code <PORTAL_DATA>/discovery}) and gives the catalog one
 * {@code Location} entity per file, which the catalog then reads like any registered location.
 *
 * <p>It scans when connected and then every {@code PORTAL_DISCOVERY_INTERVAL_SECONDS} (default 10),
 * and pushes a full set only when the set of files changed: a new repository checked out under a
 * root appears in the catalog at the next scan, a deleted one disappears. Edits inside a file are
 * the catalog's business (it watches the files it reads).
 *
 * <p>The catalog reads the discovered files under its own rules: they must lie inside its allowed
 * file roots ({@code PORTAL_FILE_ROOTS}, by default the data folder).
 */
@Component(service = EntityProvider.class)
public class DiscoveryProvider implements EntityProvider {

    private static final Logger LOG = Logger.getLogger(DiscoveryProvider.class.getName());

    private ScheduledExecutorService scanner;
    private volatile List<String> lastPushed;

    @Override
    public String name() {
        return "catalog-discovery";
    }

    @Override
    public synchronized void connect(EntityProviderConnection connection) {
        stop();
        List<Path> roots = Settings.roots(System::getenv, System::getProperty);
        long every = Settings.intervalSeconds(System::getenv);
        lastPushed = null;
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backlot-catalog-discovery");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(() -> scan(roots, connection), 0, every, TimeUnit.SECONDS);
    }

    private void scan(List<Path> roots, EntityProviderConnection connection) {
        try {
            List<String> files = Discovery.find(roots);
            if (!files.equals(lastPushed)) {
                List<Entity> locations = files.stream().map(Discovery::locationEntity).toList();
                connection.replaceAll(locations);
                lastPushed = files;
            }
        } catch (IllegalStateException closed) {
            stop(); // the catalog cut us off (the bundle is going away)
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catalog discovery scan failed", e);
        }
    }

    @Override
    public void disconnect() {
        stop();
    }

    @Deactivate
    synchronized void stop() {
        if (scanner != null) {
            scanner.shutdownNow();
            scanner = null;
        }
    }
}
