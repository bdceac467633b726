package dev.backlot.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import dev.backlot.web.plugins.FakePluginManager;
import dev.backlot.web.plugins.PluginAdmin;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.common.Unavailable;
import dev.backlot.plugins.PluginManager;
import dev.backlot.web.plugins.TestJars;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deploy API's resource over a fake plugin manager (the real one is exercised by PortalApiIT). */
class PluginResourceTest {

    private static final String JAR = "application/java-archive";
    private final FakePluginManager manager = new FakePluginManager();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final PluginResource resource = resource(manager, 4096);

    private PluginResource resource(FakePluginManager plugins, long limit) {
        PluginResource r = new PluginResource();
        r.admin = new PluginAdmin(plugins, null, new ListAudit(audit), limit);
        return r;
    }

    private static SecurityContext as(String name) {
        Principal principal = () -> name;
        return new SecurityContext() {
            public Principal getUserPrincipal() {
                return principal;
            }

            public boolean isUserInRole(String role) {
                return true;
            }

            public boolean isSecure() {
                return false;
            }

            public String getAuthenticationScheme() {
                return "BACKLOT";
            }
        };
    }

    private static InputStream body(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void installAnswers201WithTheLocationAndThePlugin() throws Exception {
        byte[] jar = TestJars.bundle("com.example.hello", "1.0.0");

        Response response = resource.install(JAR, String.valueOf(jar.length), body(jar), as("api-token"));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo("admin/plugins/com.example.hello");
        JsonObject plugin = (JsonObject) response.getEntity();
        assertThat(plugin.getString("symbolicName")).isEqualTo("com.example.hello");
        assertThat(plugin.getString("version")).isEqualTo("1.0.0");
        assertThat(manager.calls).containsExactly("install com.example.hello api-token");
    }

    @Test
    void octetStreamAndContentTypeParametersAreAccepted() throws Exception {
        byte[] jar = TestJars.bundle("com.example.hello", "1.0.0");

        assertThat(resource.install("Application/Octet-Stream; charset=x", null, body(jar), as("admin")).getStatus())
                .isEqualTo(201);
    }

    @Test
    void otherContentTypesAreRefusedWith415AndReachNothing() {
        byte[] jar = TestJars.bundle("com.example.hello", "1.0.0");

        assertThatThrownBy(() -> resource.install("application/x-www-form-urlencoded", null, body(jar), as("admin")))
                .isInstanceOf(NotSupportedException.class)
                .hasMessageContaining("Content-Type: application/java-archive")
                .hasMessageContaining("got application/x-www-form-urlencoded");
        assertThatThrownBy(() -> resource.install(null, null, body(jar), as("admin")))
                .isInstanceOf(NotSupportedException.class).hasMessageContaining("no Content-Type");
        assertThat(manager.calls).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsRefusedWhileReadingAndAudited() {
        PluginResource small = resource(manager, 100);
        byte[] jar = TestJars.bundle("com.example.hello", "1.0.0");

        assertThatThrownBy(() -> small.install(JAR, null, body(jar), as("admin")))
                .isInstanceOfSatisfying(PluginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(manager.calls).isEmpty();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("plugin.install");
            assertThat(e.outcome()).isEqualTo("refused");
            assertThat(e.detail()).contains("at most 100 bytes");
        });
    }

    @Test
    void updateReplacesTheVersionAndOffersTheOldOneForRollback() throws Exception {
        resource.install(JAR, null, body(TestJars.bundle("com.example.hello", "1.0.0")), as("admin"));

        JsonObject updated = resource.update("com.example.hello", JAR, null, body(TestJars.bundle("com.example.hello", "2.0.0")),
                as("admin"));
        JsonObject rolledBack = resource.rollback("com.example.hello", as("admin"));

        assertThat(updated.getString("version")).isEqualTo("2.0.0");
        assertThat(updated.getString("rollbackVersion")).isEqualTo("1.0.0");
        assertThat(rolledBack.getString("version")).isEqualTo("1.0.0");
    }

    @Test
    void updateWithAnotherPluginsJarIsRefusedWithConflictAndAudited() throws Exception {
        resource.install(JAR, null, body(TestJars.bundle("com.example.hello", "1.0.0")), as("admin"));

        assertThatThrownBy(() -> resource.update("com.example.hello", JAR, null,
                body(TestJars.bundle("com.example.other", "2.0.0")), as("ci")))
                .isInstanceOfSatisfying(PluginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining("com.example.other, not com.example.hello");
        assertThat(manager.calls).containsExactly("install com.example.hello admin");
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("ci");
            assertThat(e.target()).isEqualTo("com.example.hello");
        });
    }

    @Test
    void stopStartAndUninstallReachTheManagerWithTheActor() throws Exception {
        resource.install(JAR, null, body(TestJars.bundle("com.example.hello", "1.0.0")), as("admin"));

        assertThat(resource.stop("com.example.hello", as("ci")).getString("state")).isEqualTo("RESOLVED");
        assertThat(resource.start("com.example.hello", as("ci")).getString("state")).isEqualTo("ACTIVE");
        assertThat(resource.uninstall("com.example.hello", as("ci")).getStatus()).isEqualTo(204);
        assertThat(manager.calls).containsExactly("install com.example.hello admin", "stop com.example.hello ci",
                "start com.example.hello ci", "uninstall com.example.hello ci");
    }

    @Test
    void detailCarriesManifestVersionsAndErrors() throws Exception {
        resource.install(JAR, null, body(TestJars.bundle("com.example.hello", "1.0.0")), as("admin"));

        JsonObject detail = resource.detail("com.example.hello");

        assertThat(detail.getString("symbolicName")).isEqualTo("com.example.hello");
        assertThat(detail.getJsonObject("headers").getString("Bundle-SymbolicName")).isEqualTo("com.example.hello");
        assertThat(detail.getJsonArray("imports").getString(0)).startsWith("org.osgi.framework");
        assertThat(detail.getJsonArray("versions").getJsonObject(0).getBoolean("current")).isTrue();
        assertThat(detail.getJsonArray("recentErrors").getString(0)).isEqualTo("boom at 10:00");
        assertThat(detail.getJsonObject("health").getInt("failures")).isEqualTo(2);
    }

    @Test
    void unknownPluginIsNotFound() {
        assertThatThrownBy(() -> resource.detail("com.example.none"))
                .isInstanceOfSatisfying(PluginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessageContaining("No plugin named com.example.none");
    }

    @Test
    void withoutADatabaseTheListComesFromTheFrameworkAndChangesAreUnavailable() {
        PluginInfo scr = new PluginInfo(1, "org.apache.felix.scr", "SCR", "2.2.14", "ACTIVE", "system:scr.jar", List.of(),
                null);
        PluginHost host = new PluginHost() {
            public boolean isRunning() {
                return true;
            }

            public List<PluginInfo> plugins() {
                return List.of(scr);
            }

            public ExtensionRegistry extensions() {
                return null;
            }
        };
        PluginResource noDatabase = new PluginResource();
        noDatabase.admin = new PluginAdmin(Unavailable.of(PluginManager.class, "plugin management",
                "the database is unavailable"), host, new ListAudit(new java.util.ArrayList<>()), 4096);

        assertThat(noDatabase.list().getJsonObject(0).getString("source")).isEqualTo("system");
        assertThatThrownBy(() -> noDatabase.stop("org.apache.felix.scr", as("admin")))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("database is unavailable");
    }

    /** An audit log in a list. */
    record ListAudit(List<AuditEntry> entries) implements AuditLog {
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        public List<AuditEntry> recent(int limit) {
            List<AuditEntry> newestFirst = new ArrayList<>(entries);
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream().limit(limit).toList();
        }
    }
}
