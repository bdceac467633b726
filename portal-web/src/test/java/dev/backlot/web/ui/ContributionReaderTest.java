package dev.backlot.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.PluginHealth;
import dev.backlot.spi.ui.UiContribution;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Reading contribution services into records: what is shown, what is left out and counted. */
class ContributionReaderTest {

    private final List<String> failures = new ArrayList<>();

    @Test
    void validContributionsAreReadInRankingOrderWithTheirFragmentPath() {
        List<Contribution> read = ContributionReader.read(registry(
                new Extension<>(contribution(UiContribution.HOME_CARD, "first", "/ui/a.xhtml"), 7, "dev.backlot.a", 10),
                new Extension<>(contribution(UiContribution.NAV_PAGE, "second", "ui/b.xhtml"), 8, "dev.backlot.b", 0)));

        assertThat(read).extracting(Contribution::id).containsExactly("first", "second");
        assertThat(read.get(0).fragment()).isEqualTo("/plugin/7/100/ui/a.xhtml");
        assertThat(read.get(1).fragment()).isEqualTo("/plugin/8/100/ui/b.xhtml");
        assertThat(read.get(0).title()).isEqualTo("Title of first");
    }

    @Test
    void contributionsWithAnUnknownSlotABadIdOrAnUnsafeFragmentAreLeftOut() {
        List<Contribution> read = ContributionReader.read(registry(
                new Extension<>(contribution("side.bar", "x", "/ui/x.xhtml"), 7, "dev.backlot.a", 0),
                new Extension<>(contribution(UiContribution.HOME_CARD, "Not Url Safe", "/ui/x.xhtml"), 7, "dev.backlot.a", 0),
                new Extension<>(contribution(UiContribution.HOME_CARD, "escape", "/ui/../../secret.xhtml"), 7, "dev.backlot.a", 0),
                new Extension<>(contribution(UiContribution.HOME_CARD, "fine", "/ui/x.xhtml"), 7, "dev.backlot.a", 0)));

        assertThat(read).extracting(Contribution::id).containsExactly("fine");
    }

    @Test
    void contributionWhoseGettersThrowIsLeftOutAndCountedAsAFailure() {
        UiContribution broken = new UiContribution() {
            public String slot() {
                throw new IllegalStateException("no slot today");
            }

            public String id() {
                return "broken";
            }

            public String title() {
                return "Broken";
            }

            public String fragment() {
                return "/ui/x.xhtml";
            }
        };

        List<Contribution> read = ContributionReader.read(registry(new Extension<>(broken, 9, "dev.backlot.broken", 0)));

        assertThat(read).isEmpty();
        assertThat(failures).containsExactly("dev.backlot.broken UiContribution.describe no slot today");
    }

    private static UiContribution contribution(String slot, String id, String fragment) {
        return new UiContribution() {
            public String slot() {
                return slot;
            }

            public String id() {
                return id;
            }

            public String title() {
                return "Title of " + id;
            }

            public String fragment() {
                return fragment;
            }
        };
    }

    /** A registry over fixed services, every bundle at revision 100, failures recorded. */
    @SafeVarargs
    private ExtensionRegistry registry(Extension<UiContribution>... extensions) {
        PluginCalls calls = new PluginCalls() {
            public <T> T call(Extension<?> extension, String operation, Duration limit, Callable<T> call) {
                throw new UnsupportedOperationException();
            }

            public InFlight enter(Extension<?> extension) {
                return () -> { };
            }

            public InFlight hold(Extension<?> extension) {
                return () -> { };
            }

            public void failed(Extension<?> extension, String operation, Throwable failure) {
                failures.add(extension.symbolicName() + " " + operation + " " + failure.getMessage());
            }

            public PluginHealth health(String symbolicName) {
                return PluginHealth.NONE;
            }
        };
        return new ExtensionRegistry() {
            @SuppressWarnings("unchecked")
            public <S> List<Extension<S>> extensions(Class<S> type) {
                return type == UiContribution.class ? List.of((Extension<S>[]) extensions) : List.of();
            }

            public PluginCalls calls() {
                return calls;
            }

            public <S> Subscription addListener(Class<S> type, dev.backlot.plugins.ExtensionListener<S> listener) {
                return () -> { };
            }

            public Optional<URL> entry(long bundleId, String path) {
                return Optional.empty();
            }

            public Optional<Long> revision(long bundleId) {
                return Optional.of(100L);
            }
        };
    }
}
