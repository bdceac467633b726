package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.PluginHealth;
import dev.backlot.plugins.PluginInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginDisplayTest {

    private final PluginDisplay display = new PluginDisplay();

    private static PluginInfo from(String location) {
        return new PluginInfo(3, "com.example.a", "A", "1.0.0", "ACTIVE", location, List.of(), null);
    }

    @Test
    void dropInAndFrameworkBundlesAreReadOnlyWithTheReason() {
        assertThat(display.readOnlyReason(from("file:/srv/data/plugins/a-1.0.jar")))
                .isEqualTo("Managed by the drop-in folder: replace or delete a-1.0.jar in the data folder's plugins directory");
        assertThat(display.readOnlyReason(from("system:org.apache.felix.scr.jar"))).startsWith("Part of the plugin framework");
        assertThat(display.isReadOnly(from("backlot:com.example.a"))).isFalse();
    }

    @Test
    void healthSaysHowManyCallsFailed() {
        assertThat(display.healthSummary(PluginHealth.NONE)).isEqualTo("No calls yet");
        assertThat(display.healthSummary(new PluginHealth(1, 0, 0, null, null))).isEqualTo("1 call, no failures");
        assertThat(display.healthSummary(new PluginHealth(12, 3, 1, "boom", Instant.EPOCH)))
                .isEqualTo("12 calls, 3 failures (1 timeout)");
    }

    @Test
    void failureBarShowsEvenOneFailureAmongMany() {
        assertThat(display.failurePercent(PluginHealth.NONE)).isZero();
        assertThat(display.failurePercent(new PluginHealth(10_000, 1, 0, "x", Instant.EPOCH))).isEqualTo(1);
        assertThat(display.failurePercent(new PluginHealth(4, 1, 0, "x", Instant.EPOCH))).isEqualTo(25);
        assertThat(display.failurePercent(new PluginHealth(2, 5, 5, "x", Instant.EPOCH))).isEqualTo(100);
        assertThat(display.healthSeverity(new PluginHealth(4, 1, 0, "x", Instant.EPOCH))).isEqualTo("danger");
        assertThat(display.healthSeverity(new PluginHealth(100, 1, 0, "x", Instant.EPOCH))).isEqualTo("warning");
    }

    @Test
    void timesAreShownInUtc() {
        assertThat(display.time(Instant.parse("2026-11-24T10:15:30.123Z"))).isEqualTo("2026-11-24 10:15:30 UTC");
        assertThat(display.time(null)).isEmpty();
    }

    @Test
    void sizesAreShownInTheirLargestWholeUnit() {
        assertThat(display.size(50L * 1024 * 1024)).isEqualTo("50 MiB");
        assertThat(display.size(262_144)).isEqualTo("256 KiB");
        assertThat(display.size(1000)).isEqualTo("1000 bytes");
    }

    @Test
    void healthBarTellsIdleFromHealthyFromFailing() {
        assertThat(display.healthState(PluginHealth.NONE)).isEqualTo("no-calls");
        assertThat(display.healthSeverity(PluginHealth.NONE)).isEqualTo("info");
        assertThat(display.healthSeverity(new PluginHealth(3, 0, 0, null, null))).isEqualTo("success");
        assertThat(display.healthState(new PluginHealth(3, 0, 0, null, null))).isEqualTo("healthy");
        assertThat(display.healthState(new PluginHealth(3, 1, 0, "x", Instant.EPOCH))).isEqualTo("failing");
    }
}
