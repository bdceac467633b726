package dev.backlot.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalLauncherTest {

    private final Path runtime = Path.of("/srv/data/runtime");
    private final Path preboot = runtime.resolve("pre-boot-commands.txt");

    @Test
    void defaultsServePort8080OnLoopbackWithoutClusteringOrPhoningHome() {
        var settings = PortalLauncher.fromEnvironment(Map.of());

        List<String> args = PortalLauncher.arguments(settings, runtime, preboot, new String[0]);

        assertThat(args).containsSequence("--port", "8080")
                .containsSequence("--rootdir", "/srv/data/runtime/root")
                .containsSequence("--prebootcommandfile", preboot.toString())
                .contains("--nohazelcast", "--disablephonehome")
                .doesNotContain("--nocluster");
        assertThat(PortalLauncher.prebootCommands(settings).get(0)).endsWith("http-listener.address=127.0.0.1");
        assertThat(PortalLauncher.prebootCommands(settings)).anySatisfy(c -> assertThat(c)
                .endsWith("http-listener.http.scheme-mapping=X-Forwarded-Proto"));
    }

    @Test
    void environmentSetsPortBindAndDataFolder() {
        var settings = PortalLauncher.fromEnvironment(Map.of("PORTAL_PORT", "9191", "PORTAL_BIND", "0.0.0.0",
                "PORTAL_DATA", "/var/lib/backlot"));

        assertThat(PortalLauncher.arguments(settings, runtime, preboot, new String[0])).containsSequence("--port", "9191");
        assertThat(PortalLauncher.prebootCommands(settings).get(0)).endsWith("address=0.0.0.0");
        assertThat(PortalLauncher.dataDir(settings)).isEqualTo(Path.of("/var/lib/backlot"));
    }

    @Test
    void relativeDataFolderIsResolvedAgainstTheWorkingDirectory() {
        assertThat(PortalLauncher.dataDir(PortalLauncher.fromEnvironment(Map.of())))
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void userArgumentsComeLastSoTheyWin() {
        List<String> args = PortalLauncher.arguments(PortalLauncher.fromEnvironment(Map.of()), runtime, preboot,
                new String[] {"--port", "7000"});

        assertThat(args.subList(args.size() - 2, args.size())).containsExactly("--port", "7000");
    }

    @Test
    void badPortOrBindAddressIsRefusedWithTheVariableName() {
        assertThatThrownBy(() -> PortalLauncher.arguments(PortalLauncher.fromEnvironment(Map.of("PORTAL_PORT", "http")),
                runtime, preboot, new String[0])).hasMessageContaining("PORTAL_PORT").hasMessageContaining("http");
        assertThatThrownBy(() -> PortalLauncher.prebootCommands(
                PortalLauncher.fromEnvironment(Map.of("PORTAL_BIND", "127.0.0.1\nset other=1"))))
                .hasMessageContaining("PORTAL_BIND");
    }
}
