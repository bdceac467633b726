package dev.backlot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalConfigTest {

    private static PortalConfig config(Map<String, String> values) {
        return PortalConfig.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsServeOnLoopbackPort8080WithEmbeddedH2InDataFolder() {
        PortalConfig config = config(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(config.effectiveDbUrl()).startsWith("jdbc:h2:file:" + config.dataDir().resolve("db"));
        assertThat(config.apiToken()).isEmpty();
        assertThat(config.adminPassword()).isEmpty();
        assertThat(config.pluginDropInDir()).isEqualTo(config.dataDir().resolve("plugins"));
    }

    @Test
    void everySettingIsRead() {
        PortalConfig config = config(Map.of("portal.port", "9090", "portal.bind", "0.0.0.0", "portal.data", "/srv/backlot",
                "portal.db.url", "jdbc:postgresql://db/backlot", "portal.db.user", "backlot", "portal.db.password", "pw",
                "portal.admin.password", "secret", "portal.api.token", "0123456789abcdef0123"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/backlot"));
        assertThat(config.effectiveDbUrl()).isEqualTo("jdbc:postgresql://db/backlot");
        assertThat(config.dbUser()).contains("backlot");
        assertThat(config.dbPassword()).contains("pw");
        assertThat(config.adminPassword()).contains("secret");
        assertThat(config.apiToken()).contains("0123456789abcdef0123");
    }

    @Test
    void pluginSettingsHaveDefaultsAndAreRead() {
        assertThat(config(Map.of()).plugins()).isEqualTo(new PortalConfig.Plugins(50L * 1024 * 1024, 5, 2000));

        assertThat(config(Map.of("portal.plugins.max-upload-bytes", "1048576", "portal.plugins.keep-versions", "3",
                "portal.plugins.sync-ms", "500")).plugins()).isEqualTo(new PortalConfig.Plugins(1048576, 3, 500));
    }

    @Test
    void pluginSettingsThatCannotWorkAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> config(Map.of("portal.plugins.max-upload-bytes", "lots")))
                .hasMessageContaining("PORTAL_PLUGINS_MAX_UPLOAD_BYTES").hasMessageContaining("lots");
        assertThatThrownBy(() -> config(Map.of("portal.plugins.keep-versions", "1")))
                .hasMessageContaining("PORTAL_PLUGINS_KEEP_VERSIONS");
        assertThatThrownBy(() -> config(Map.of("portal.plugins.sync-ms", "10"))).hasMessageContaining("PORTAL_PLUGINS_SYNC_MS");
    }

    @Test
    void blankValuesCountAsUnset() {
        PortalConfig config = config(Map.of("portal.port", " ", "portal.db.url", "", "portal.api.token", "  "));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dbUrl()).isEmpty();
        assertThat(config.apiToken()).isEmpty();
    }

    @Test
    void badPortIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> config(Map.of("portal.port", "eighty"))).hasMessageContaining("PORTAL_PORT")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> config(Map.of("portal.port", "70000"))).hasMessageContaining("PORTAL_PORT");
    }

    @Test
    void orphansWaitSixtySecondsBeforeDeletionUnlessConfigured() {
        assertThat(config(Map.of()).catalog().orphanGraceSeconds()).isEqualTo(60);
        assertThat(config(Map.of()).catalog().orphanStrategy()).isEqualTo("delete");
        assertThat(config(Map.of("portal.catalog.orphan.grace.seconds", "0")).catalog().orphanGraceSeconds()).isZero();
    }

    @Test
    void negativeOrUnreadableOrphanGraceIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> config(Map.of("portal.catalog.orphan.grace.seconds", "-1")))
                .hasMessageContaining("PORTAL_CATALOG_ORPHAN_GRACE_SECONDS").hasMessageContaining("-1");
        assertThatThrownBy(() -> config(Map.of("portal.catalog.orphan.grace.seconds", "a minute")))
                .hasMessageContaining("PORTAL_CATALOG_ORPHAN_GRACE_SECONDS").hasMessageContaining("a minute");
    }

    @Test
    void shortApiTokenIsRefused() {
        assertThatThrownBy(() -> config(Map.of("portal.api.token", "short"))).hasMessageContaining("PORTAL_API_TOKEN")
                .hasMessageContaining("16");
    }

    @Test
    void toStringNeverShowsSecrets() {
        PortalConfig config = config(Map.of("portal.db.password", "db-secret", "portal.admin.password", "admin-secret",
                "portal.api.token", "token-secret-0123456789"));

        assertThat(config.toString()).doesNotContain("db-secret", "admin-secret", "token-secret");
    }
}
