package dev.backlot.search.internal;

import dev.backlot.search.SearchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkMaintenanceUtils;
import org.apache.solr.core.CoreContainer;

/**
 * The one Solr client of the portal and what it talks to: a core inside the portal (the default),
 * a Solr node or load balancer, or a SolrCloud cluster through ZooKeeper. Created once at start,
 * closed once at stop (STYLE 5: expensive once, cheap per use).
 */
final class SolrConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SolrConnection.class.getName());
    /**
     * Solr's own logging (through slf4j-jdk14 into the server log) at WARNING: at INFO it writes a
     * line per update request and per commit, which at catalog scale floods the log and costs CPU.
     * Held here because java.util.logging keeps only weak references to configured loggers.
     */
    private static final Logger SOLR_LOG = quiet("org.apache.solr");
    private static final Logger ZK_LOG = quiet("org.apache.zookeeper");

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    /** The configset's files, packaged from solr-config/conf into portal-core's jar. */
    static final String CONFIGSET_RESOURCE = "/dev/backlot/search/internal/configset/conf/";
    static final List<String> CONFIGSET_FILES = List.of("schema.xml", "solrconfig.xml", "synonyms.txt", "protwords.txt");
    static final String CONFIGSET_NAME = "backlot";

    private final SolrClient client;
    private final String collection;
    private final String description;
    private final CoreContainer container;

    private SolrConnection(SolrClient client, String collection, String description, CoreContainer container) {
        this.client = client;
        this.collection = collection;
        this.description = description;
        this.container = container;
    }

    static SolrConnection open(SearchSettings settings, Path dataDir) throws IOException {
        if (settings.solrZk().isPresent()) {
            return cloud(settings.solrZk().get(), settings.collection());
        }
        if (settings.solrUrl().isPresent()) {
            Http2SolrClient http = new Http2SolrClient.Builder(settings.solrUrl().get())
                    .withConnectionTimeout(2, TimeUnit.SECONDS).withIdleTimeout(30, TimeUnit.SECONDS)
                    .withRequestTimeout(30, TimeUnit.SECONDS).build();
            return new SolrConnection(http, settings.collection(), "Solr at " + redacted(settings.solrUrl().get()), null);
        }
        return embedded(dataDir.resolve("search"), settings.collection());
    }

    /**
     * A core container in {@code home}: the configset is copied there at every start (so an
     * upgraded portal brings its schema), the core is created at the first start, and a deleted
     * folder is simply created again (the index is derived data; the service rebuilds it).
     */
    static SolrConnection embedded(Path home, String core) throws IOException {
        // Solr's v2 API is a Jersey application of its own, which meets Payara's Jersey and Weld and
        // fails the core (WELD-001408): switched off before Solr reads it (STACK.md).
        if (System.getProperty("disable.v2.api") == null) {
            System.setProperty("disable.v2.api", "true");
        }
        Path conf = home.resolve("configsets").resolve(CONFIGSET_NAME).resolve("conf");
        copyConfigset(conf);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) {
            Files.writeString(solrXml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<solr/>\n");
        }
        Path coreDir = home.resolve("cores").resolve(core);
        Files.createDirectories(coreDir);
        Path props = coreDir.resolve("core.properties");
        if (!Files.exists(props)) {
            Files.writeString(props, "name=" + core + "\nconfigSet=" + CONFIGSET_NAME + "\n");
        }
        CoreContainer container = CoreContainer.createAndLoad(home);
        var failure = container.getCoreInitFailures().get(core);
        if (failure != null) {
            container.shutdown();
            throw new IOException("The search index in " + home + " cannot be opened: " + failure.exception.getMessage()
                    + ". It is derived data: stop the portal, delete that folder and start again to rebuild it.",
                    failure.exception);
        }
        return new SolrConnection(new EmbeddedSolrServer(container, core), core, "embedded Solr in " + home, container);
    }

    private static SolrConnection cloud(String zk, String collection) throws IOException {
        int slash = zk.indexOf('/');
        List<String> hosts = List.of((slash < 0 ? zk : zk.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
        CloudHttp2SolrClient cloud = new CloudHttp2SolrClient.Builder(hosts, chroot).build();
        try {
            cloud.connect(30, TimeUnit.SECONDS);
            SolrZkClient zkClient = ZkClientClusterStateProvider.from(cloud).getZkStateReader().getZkClient();
            String configPath = "/configs/" + CONFIGSET_NAME;
            if (!zkClient.exists(configPath, true)) {
                Path temp = Files.createTempDirectory("backlot-configset");
                try {
                    copyConfigset(temp);
                    ZkMaintenanceUtils.uploadToZK(zkClient, temp, configPath, null);
                    LOG.info(() -> "Uploaded the search configset to ZooKeeper as " + CONFIGSET_NAME);
                } finally {
                    deleteTree(temp);
                }
            }
            List<String> existing = CollectionAdminRequest.listCollections(cloud);
            if (!existing.contains(collection)) {
                int nodes = Math.max(1, Math.min(3, cloud.getClusterStateProvider().getLiveNodes().size()));
                var create = CollectionAdminRequest.createCollection(collection, CONFIGSET_NAME, 1, nodes);
                create.setWaitForFinalState(true);
                create.process(cloud);
                LOG.info(() -> "Created the search collection " + collection + " with " + nodes + " replicas");
            }
        } catch (Exception e) {
            cloud.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("SolrCloud at " + zk + " cannot be used: " + e.getMessage(), e);
        }
        return new SolrConnection(cloud, collection, "SolrCloud at " + zk + ", collection " + collection, null);
    }

    /** Writes the packaged configset's files into {@code conf}, replacing what is there. */
    static void copyConfigset(Path conf) throws IOException {
        Files.createDirectories(conf);
        for (String file : CONFIGSET_FILES) {
            try (InputStream in = SolrConnection.class.getResourceAsStream(CONFIGSET_RESOURCE + file)) {
                if (in == null) {
                    throw new IOException("The search configset file " + file + " is missing from the portal");
                }
                Files.copy(in, conf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL without its user info and query (they may carry credentials). */
    static String redacted(String url) {
        return url.replaceFirst("//[^/@]*@", "//***@").replaceFirst("\\?.*$", "");
    }

    SolrClient client() {
        return client;
    }

    String collection() {
        return collection;
    }

    String description() {
        return description;
    }

    boolean isEmbedded() {
        return container != null;
    }

    @Override
    public void close() {
        try {
            client.close(); // EmbeddedSolrServer.close shuts its container down
        } catch (IOException e) {
            LOG.warning(() -> "Closing the Solr client failed: " + e);
        }
        if (container != null && !container.isShutDown()) {
            container.shutdown();
        }
        // Solr's streaming module registers a JDBC driver with the JVM-wide DriverManager; left there
        // it would pin the web application's class loader after the portal stops (STACK.md).
        var drivers = java.sql.DriverManager.getDrivers();
        while (drivers.hasMoreElements()) {
            var driver = drivers.nextElement();
            if (driver.getClass().getName().startsWith("org.apache.solr.")
                    && driver.getClass().getClassLoader() == SolrConnection.class.getClassLoader()) {
                try {
                    java.sql.DriverManager.deregisterDriver(driver);
                } catch (java.sql.SQLException e) {
                    LOG.fine(() -> "Could not deregister " + driver + ": " + e);
                }
            }
        }
    }
}
