package dev.backlot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portal's settings, read once at start.
 *
 * <p>Each setting has a MicroProfile Config name; MicroProfile maps the environment variable in
 * upper case with underscores to it, so {@code PORTAL_DB_URL} sets {@code portal.db.url}:
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>portal.port</td><td>8080</td><td>HTTP port</td></tr>
 * <tr><td>portal.bind</td><td>127.0.0.1</td><td>address the HTTP listener binds to</td></tr>
 * <tr><td>portal.data</td><td>./data</td><td>folder for all state</td></tr>
 * <tr><td>portal.db.url / .user / .password</td><td>unset: H2 file in the data folder</td><td>JDBC database</td></tr>
 * <tr><td>portal.admin.password</td><td>unset: generated at first start, printed once</td><td>password of {@code admin}</td></tr>
 * <tr><td>portal.api.token</td><td>unset: no token accepted</td><td>static admin bearer token for automation</td></tr>
 * <tr><td>portal.plugins.poll.ms</td><td>1000</td><td>how often the drop-in folder is scanned</td></tr>
 * <tr><td>portal.plugins.max-upload-bytes, .keep-versions, .sync-ms</td><td>see {@link Plugins}</td>
 *     <td>plugin uploads, kept versions, cluster sync</td></tr>
 * <tr><td>portal.catalog.*, portal.file.roots, portal.url.allow, portal.sample.catalog</td><td>see {@link Catalog}</td>
 *     <td>the software catalog</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows a password, the token, or the secrets a database URL can carry
 * (see {@link Redact#jdbcUrl}).
 */
public record PortalConfig(int port, String bind, Path dataDir, Optional<String> dbUrl, Optional<String> dbUser,
        Optional<String> dbPassword, Optional<String> adminPassword, Optional<String> apiToken,
        long pluginPollMs, Catalog catalog, Plugins plugins, Web web) {

    /**
     * HTTP settings.
     *
     * @param maxBodyBytes the largest request body read (JSON and forms; plugin uploads have their
     *     own limit) ({@code PORTAL_MAX_BODY_BYTES}, 5 MiB); a larger one is answered 413
     * @param secureCookies whether the session cookie is always {@code Secure} ({@code PORTAL_SECURE_COOKIES},
     *     default false: it is then {@code Secure} on requests that arrived over HTTPS, directly or
     *     through a proxy that says so in {@code X-Forwarded-Proto})
     */
    public record Web(long maxBodyBytes, boolean secureCookies) {
        public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

        public Web {
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("PORTAL_MAX_BODY_BYTES must be at least 1024, was " + maxBodyBytes);
            }
        }
    }

    /**
     * Plugin platform settings.
     *
     * @param maxUploadBytes the largest plugin jar accepted ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES}, 50 MiB)
     * @param keepVersions versions kept per plugin for rollback, the current one included
     *     ({@code PORTAL_PLUGINS_KEEP_VERSIONS}, 5)
     * @param syncMs how often each node polls the desired plugin state in the database to follow
     *     changes made on other nodes ({@code PORTAL_PLUGINS_SYNC_MS}, 2000)
     */
    public record Plugins(long maxUploadBytes, int keepVersions, long syncMs) {
        public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

        public Plugins {
            if (maxUploadBytes < 1024) {
                throw new IllegalArgumentException("PORTAL_PLUGINS_MAX_UPLOAD_BYTES must be at least 1024, was " + maxUploadBytes);
            }
            if (keepVersions < 2) {
                throw new IllegalArgumentException("PORTAL_PLUGINS_KEEP_VERSIONS must be at least 2 (the current one and"
                        + " one to roll back to), was " + keepVersions);
            }
            if (syncMs < 100) {
                throw new IllegalArgumentException("PORTAL_PLUGINS_SYNC_MS must be at least 100, was " + syncMs);
            }
        }
    }

    /**
     * Catalog settings.
     *
     * @param locations {@code type:target} locations to load ({@code PORTAL_CATALOG_LOCATIONS}, comma-separated)
     * @param sample whether to load the sample organisation ({@code PORTAL_SAMPLE_CATALOG}, default true)
     * @param fileRoots where {@code file} targets may point ({@code PORTAL_FILE_ROOTS}; default the sample catalog
     *     and the discovery folder, see {@link PortalConfig#catalogFolders}); whatever they say, the
     *     data folder's own state is never read
     * @param urlAllow hosts {@code url} targets may name ({@code PORTAL_URL_ALLOW}; default none)
     * @param refreshSeconds how often every location is read again ({@code PORTAL_CATALOG_REFRESH_SECONDS}, 120)
     * @param orphanStrategy {@code delete} or {@code keep} ({@code PORTAL_CATALOG_ORPHAN_STRATEGY}, delete)
     * @param orphanGraceSeconds how long an orphan stays marked before {@code delete} removes it
     *     ({@code PORTAL_CATALOG_ORPHAN_GRACE_SECONDS}, 60; 0 removes it at once)
     * @param maxFileBytes the largest descriptor file read ({@code PORTAL_CATALOG_MAX_FILE_BYTES}, 5 MiB)
     * @param maxEntityBytes the largest entity stored, as JSON after processing
     *     ({@code PORTAL_CATALOG_MAX_ENTITY_BYTES}, 4 MiB); a larger one is a processing error
     * @param readTimeoutMs the time limit of one catalog read statement ({@code PORTAL_DB_READ_TIMEOUT_MS}, 5000):
     *     the database cancels a longer one and the request answers 503
     */
    public record Catalog(List<String> locations, boolean sample, List<Path> fileRoots, List<String> urlAllow,
            long refreshSeconds, String orphanStrategy, long orphanGraceSeconds, long maxFileBytes, long maxEntityBytes,
            long readTimeoutMs) {
        public Catalog {
            locations = List.copyOf(locations);
            fileRoots = fileRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            urlAllow = List.copyOf(urlAllow);
            if (!orphanStrategy.equals("delete") && !orphanStrategy.equals("keep")) {
                throw new IllegalArgumentException("portal.catalog.orphan.strategy (PORTAL_CATALOG_ORPHAN_STRATEGY) must be"
                        + " delete or keep, was '" + orphanStrategy + "'");
            }
            if (orphanGraceSeconds < 0) {
                throw new IllegalArgumentException("PORTAL_CATALOG_ORPHAN_GRACE_SECONDS must be 0 or more, was "
                        + orphanGraceSeconds);
            }
            if (refreshSeconds < 1) {
                throw new IllegalArgumentException("PORTAL_CATALOG_REFRESH_SECONDS must be at least 1, was " + refreshSeconds);
            }
            if (maxFileBytes < 1024) {
                throw new IllegalArgumentException("PORTAL_CATALOG_MAX_FILE_BYTES must be at least 1024, was " + maxFileBytes);
            }
            if (maxEntityBytes < 1024) {
                throw new IllegalArgumentException("PORTAL_CATALOG_MAX_ENTITY_BYTES must be at least 1024, was " + maxEntityBytes);
            }
            if (readTimeoutMs < 100) {
                throw new IllegalArgumentException("PORTAL_DB_READ_TIMEOUT_MS must be at least 100, was " + readTimeoutMs);
            }
        }
    }

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String DEFAULT_DATA = "./data";

    /** Refuses settings that cannot work, naming the setting and the value. */
    public PortalConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("portal.port (PORTAL_PORT) must be 1-65535, was " + port);
        }
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("portal.bind (PORTAL_BIND) must name an address");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (apiToken.isPresent() && apiToken.get().length() < 16) {
            throw new IllegalArgumentException("portal.api.token (PORTAL_API_TOKEN) must be at least 16 characters");
        }
        if (pluginPollMs < 100) {
            throw new IllegalArgumentException("portal.plugins.poll.ms must be at least 100, was " + pluginPollMs);
        }
    }

    /**
     * Reads the settings from a source such as MicroProfile Config or a map.
     *
     * @param source returns the value of a setting name, empty when unset; blank counts as unset
     */
    public static PortalConfig from(Function<String, Optional<String>> source) {
        Function<String, Optional<String>> read = name -> source.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        Path data = Path.of(read.apply("portal.data").orElse(DEFAULT_DATA));
        Catalog catalog = new Catalog(
                list(read.apply("portal.catalog.locations")),
                read.apply("portal.sample.catalog").map(v -> !v.equalsIgnoreCase("false")).orElse(true),
                read.apply("portal.file.roots").map(v -> list(Optional.of(v)).stream().map(Path::of).toList())
                        .orElse(catalogFolders(data)),
                list(read.apply("portal.url.allow")),
                read.apply("portal.catalog.refresh.seconds").map(v -> (long) parseInt("PORTAL_CATALOG_REFRESH_SECONDS", v))
                        .orElse(120L),
                read.apply("portal.catalog.orphan.strategy").orElse("delete").toLowerCase(java.util.Locale.ROOT),
                read.apply("portal.catalog.orphan.grace.seconds")
                        .map(v -> (long) parseInt("PORTAL_CATALOG_ORPHAN_GRACE_SECONDS", v)).orElse(60L),
                read.apply("portal.catalog.max.file.bytes").map(v -> (long) parseInt("PORTAL_CATALOG_MAX_FILE_BYTES", v))
                        .orElse(5L * 1024 * 1024),
                read.apply("portal.catalog.max.entity.bytes").map(v -> parseLong("PORTAL_CATALOG_MAX_ENTITY_BYTES", v))
                        .orElse(4L * 1024 * 1024),
                read.apply("portal.db.read.timeout.ms").map(v -> parseLong("PORTAL_DB_READ_TIMEOUT_MS", v))
                        .orElse(5_000L));
        Plugins plugins = new Plugins(
                read.apply("portal.plugins.max-upload-bytes").map(v -> parseLong("PORTAL_PLUGINS_MAX_UPLOAD_BYTES", v))
                        .orElse(Plugins.DEFAULT_MAX_UPLOAD_BYTES),
                read.apply("portal.plugins.keep-versions").map(v -> parseInt("PORTAL_PLUGINS_KEEP_VERSIONS", v)).orElse(5),
                read.apply("portal.plugins.sync-ms").map(v -> parseLong("PORTAL_PLUGINS_SYNC_MS", v)).orElse(2000L));
        Web web = new Web(
                read.apply("portal.max.body.bytes").map(v -> parseLong("PORTAL_MAX_BODY_BYTES", v))
                        .orElse(Web.DEFAULT_MAX_BODY_BYTES),
                read.apply("portal.secure.cookies").map(v -> v.equalsIgnoreCase("true")).orElse(false));
        return new PortalConfig(
                read.apply("portal.port").map(v -> parseInt("portal.port (PORTAL_PORT)", v)).orElse(DEFAULT_PORT),
                read.apply("portal.bind").orElse(DEFAULT_BIND),
                data,
                read.apply("portal.db.url"),
                read.apply("portal.db.user"),
                source.apply("portal.db.password").filter(v -> !v.isEmpty()),
                source.apply("portal.admin.password").filter(v -> !v.isEmpty()),
                read.apply("portal.api.token"),
                read.apply("portal.plugins.poll.ms").map(v -> (long) parseInt("portal.plugins.poll.ms", v)).orElse(1000L),
                catalog, plugins, web);
    }

    private static List<String> list(Optional<String> commaSeparated) {
        return commaSeparated.map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /** The JDBC URL in use: the configured one, or the embedded H2 file in the data folder. */
    public String effectiveDbUrl() {
        return dbUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal") + ";AUTO_SERVER=FALSE");
    }

    /**
     * The folders inside a data folder that hold catalog sources, and so the only parts of it a
     * catalog location may read: {@code sample-catalog} (the sample organisation) and
     * {@code discovery} (where the discovery plugin looks by default). Everything else in the data
     * folder is the portal's state (database, runtime, plugin cache, search index, ...).
     */
    public static List<Path> catalogFolders(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return List.of(data.resolve("sample-catalog"), data.resolve("discovery"));
    }

    /** See {@link #catalogFolders(Path)}. */
    public List<Path> catalogFolders() {
        return catalogFolders(dataDir);
    }

    /** Where plugin bundles are dropped to be installed. */
    public Path pluginDropInDir() {
        return dataDir.resolve("plugins");
    }

    /** The plugin framework's cache (rebuilt at every start from the desired state). */
    public Path felixCacheDir() {
        return dataDir.resolve("felix-cache");
    }

    @Override
    public String toString() {
        return "PortalConfig[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", db="
                + dbUrl.map(Redact::jdbcUrl).orElse("embedded H2") + ", dbUser=" + dbUser.orElse("-")
                + ", adminPassword=" + (adminPassword.isPresent() ? "(set)" : "(generated)")
                + ", apiToken=" + (apiToken.isPresent() ? "(set)" : "(none)") + "]";
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }
}
