package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.audit.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portal nodes on one database: a change made on one is followed by the other at its next poll,
 * without anyone touching it. On PostgreSQL (a fresh schema) when it answers, else on a shared H2 file.
 */
class ClusterConvergenceTest {

    private static final String NAME = DefaultPluginManagerTest.NAME;

    @TempDir
    Path dir;
    private String schema;
    private PlatformNode a;
    private PlatformNode b;

    @BeforeEach
    void start() throws Exception {
        schema = PlatformNode.postgresSchema();
        String url = schema == null ? PlatformNode.h2(dir) + ";AUTO_SERVER=TRUE"
                : PlatformNode.POSTGRES + "?currentSchema=" + schema;
        String user = schema == null ? null : "postgres";
        a = PlatformNode.start(dir.resolve("a"), url, user, List.of());
        b = PlatformNode.start(dir.resolve("b"), url, user, List.of());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            a.close();
            b.close();
        } finally {
            if (schema != null) {
                PlatformNode.dropPostgresSchema(schema);
            }
        }
    }

    @Test
    void secondNodeFollowsEveryChangeMadeOnTheFirst() {
        a.manager().install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
        assertThat(b.versionServing(NAME)).isNull();

        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isEqualTo("1.0.0");

        a.manager().update(NAME, DefaultPluginManagerTest.demo("2.0.0"), "alice");
        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isEqualTo("2.0.0");

        a.manager().stop(NAME, "alice");
        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isNull();
        assertThat(b.manager().plugin(NAME).orElseThrow().state()).isEqualTo("RESOLVED");

        a.manager().start(NAME, "alice");
        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isEqualTo("2.0.0");

        a.manager().rollback(NAME, "alice");
        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isEqualTo("1.0.0");

        a.manager().uninstall(NAME, "alice");
        b.platform.sync().poll();
        assertThat(b.versionServing(NAME)).isNull();
        assertThat(b.host.bundles()).noneMatch(bundle -> NAME.equals(bundle.getSymbolicName()));
    }

    @Test
    void firstNodeFollowsTheSecondToo() {
        a.manager().install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
        b.platform.sync().poll();

        b.manager().update(NAME, DefaultPluginManagerTest.demo("2.0.0"), "bob");
        a.platform.sync().poll();

        assertThat(a.versionServing(NAME)).isEqualTo("2.0.0");
        assertThat(a.manager().plugin(NAME).orElseThrow().changedBy()).isEqualTo("bob");
    }

    @Test
    void aNodeDoesNotReapplyItsOwnChangesAndAuditsOnlyWhatItFollowed() {
        a.manager().install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
        long bundle = a.manager().plugin(NAME).orElseThrow().id();

        a.platform.sync().poll();
        b.platform.sync().poll();
        b.platform.sync().poll();

        assertThat(a.manager().plugin(NAME).orElseThrow().id()).isEqualTo(bundle);
        List<AuditEntry> bySync = a.audit().stream().filter(e -> "sync".equals(e.actor())).toList();
        assertThat(bySync).extracting(e -> e.action() + " " + e.target() + " " + e.outcome())
                .containsExactly("plugin.install " + NAME + " success");
    }

    @Test
    void aChangeMadeMeanwhileOnAnotherNodeIsRefusedNotOverwritten() {
        a.manager().install(DefaultPluginManagerTest.demo("1.0.0"), "alice");
        b.platform.sync().poll();
        PluginStore.DesiredPlugin seenByB = b.store().find(NAME).orElseThrow();

        a.manager().update(NAME, DefaultPluginManagerTest.demo("2.0.0"), "alice");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.store().setStarted(NAME, false, seenByB.currentSeq(), "bob"))
                .hasMessageContaining("changed at the same moment");
        assertThat(a.store().find(NAME).orElseThrow().started()).isTrue();
    }
}
