package dev.backlot.web.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginJarsTest {

    /** An endless body that counts what was read from it. */
    static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }

    @Test
    void jarWithinTheLimitIsReadWhole() throws Exception {
        byte[] jar = TestJars.bundle("com.example.a", "1.0.0");

        assertThat(PluginJars.read(new ByteArrayInputStream(jar), jar.length, jar.length)).isEqualTo(jar);
        assertThat(PluginJars.read(new ByteArrayInputStream(jar), -1, jar.length)).isEqualTo(jar);
    }

    @Test
    void endlessBodyIsRefusedAfterTheLimitPlusOneByte() {
        Endless body = new Endless();

        assertThatThrownBy(() -> PluginJars.read(body, -1, 1000)).isInstanceOfSatisfying(PluginRefusedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("at most 1000 bytes", "PORTAL_PLUGINS_MAX_UPLOAD_BYTES");
                });
        assertThat(body.read).isEqualTo(1001);
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedWithoutReading() {
        Endless body = new Endless();

        assertThatThrownBy(() -> PluginJars.read(body, 5000, 1000)).isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("5000 bytes");
        assertThat(body.read).isZero();
    }

    @Test
    void bodyLongerThanItsDeclaredLengthIsStillCutAtTheLimit() {
        Endless body = new Endless();

        assertThatThrownBy(() -> PluginJars.read(body, 10, 1000)).isInstanceOf(PluginRefusedException.class);
        assertThat(body.read).isEqualTo(1001);
    }

    @Test
    void symbolicNameIsReadWithoutDirectives() {
        byte[] singleton = TestJars.bundle("com.example.single;singleton:=true", "1.0.0");

        assertThat(PluginJars.symbolicName(singleton)).contains("com.example.single");
        assertThat(PluginJars.symbolicName(TestJars.notAJar())).isEmpty();
    }

    @Test
    void jarOfAnotherPluginIsRefusedForAnUpdate() {
        byte[] other = TestJars.bundle("com.example.b", "2.0.0", Map.of());

        assertThatThrownBy(() -> PluginJars.requireName("com.example.a", other))
                .isInstanceOfSatisfying(PluginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
                .hasMessageContaining("com.example.b, not com.example.a");
    }

    @Test
    void unreadableJarIsLeftToTheManagerToExplain() {
        PluginJars.requireName("com.example.a", TestJars.notAJar());
        PluginJars.requireName("com.example.a", TestJars.bundle("com.example.a", "2.0.0"));
    }

    @Test
    void summaryReadsNameVersionAndTheServicesItsComponentsProvide() {
        byte[] jar = TestJars.withClasses(Map.of("Bundle-SymbolicName", "com.example.sum;singleton:=true", "Bundle-Version", "2.1.0",
                "Bundle-Name", "Summed up"), java.util.List.of(), Map.of("OSGI-INF/com.example.Thing.xml",
                        "<scr:component><service><provide interface=\"dev.backlot.spi.catalog.EntityProcessor\"/>"
                                + "<provide interface=\"dev.backlot.spi.ui.UiContribution\"/></service></scr:component>"));

        PluginJars.Summary summary = PluginJars.summary(jar);

        assertThat(summary.symbolicName()).isEqualTo("com.example.sum");
        assertThat(summary.version()).isEqualTo("2.1.0");
        assertThat(summary.name()).isEqualTo("Summed up");
        assertThat(summary.contributions()).containsExactly("EntityProcessor", "UiContribution");
    }

    @Test
    void summaryOfSomethingThatIsNotAJarSaysNothing() {
        PluginJars.Summary summary = PluginJars.summary(TestJars.notAJar());

        assertThat(summary.symbolicName()).isNull();
        assertThat(summary.contributions()).isEmpty();
    }
}
