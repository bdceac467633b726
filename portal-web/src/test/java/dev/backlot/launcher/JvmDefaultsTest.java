package dev.backlot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void heapIsAQuarterOfTheMachineBetween256MiBAnd1GiB() {
        assertThat(JvmDefaults.flags(24L << 30)).contains("-Xmx1024m", "-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=60000");
        assertThat(JvmDefaults.flags(2L << 30)).contains("-Xmx512m");
        assertThat(JvmDefaults.flags(512L << 20)).contains("-Xmx256m");
    }

    @Test
    void startedFromTheJarWithoutHeapOptionsTheLauncherStartsAChildWithTheDefaults() throws Exception {
        Path jar = Files.createFile(dir.resolve("portal.jar"));
        var none = PortalLauncher.fromEnvironment(Map.of());

        assertThat(JvmDefaults.relaunch(none, List.of("-Dportal.port=9000"), jar)).isTrue();
        assertThat(JvmDefaults.relaunch(none, List.of("-Xmx2g"), jar)).isFalse();
        assertThat(JvmDefaults.relaunch(none, List.of("-XX:MaxRAMPercentage=50"), jar)).isFalse();
        assertThat(JvmDefaults.relaunch(PortalLauncher.fromEnvironment(Map.of("PORTAL_JVM_DEFAULTS", "false")), List.of(), jar))
                .isFalse();
        assertThat(JvmDefaults.relaunch(none, List.of(), dir)).as("classes, not a jar").isFalse();
    }

    @Test
    void javaOptsComeAfterTheDefaultsSoTheyWinAndEnvironmentOptionsAreNotRepeated() {
        Path jar = dir.resolve("portal.jar");
        List<String> command = JvmDefaults.command("/usr/bin/java", 24L << 30,
                Map.of("JAVA_OPTS", " -Xmx1536m  -Dx=y ", "JDK_JAVA_OPTIONS", "-agentlib:jdwp=transport=dt_socket"),
                List.of("-agentlib:jdwp=transport=dt_socket", "-Dportal.port=9000"), jar, new String[] {"--arg"});

        assertThat(command).containsSubsequence("/usr/bin/java", "-Xmx1024m", "-Xmx1536m", "-Dx=y", "-Dportal.port=9000",
                "-D" + JvmDefaults.CHILD + "=true", "-jar", jar.toString(), "--arg");
        assertThat(command).doesNotContain("-agentlib:jdwp=transport=dt_socket");
    }
}
