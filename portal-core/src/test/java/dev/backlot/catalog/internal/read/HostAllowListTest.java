package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {

    private final HostAllowList list = new HostAllowList(List.of("example.com", "git.internal:8443", "*.github.io"));

    private boolean allows(String url) {
        return list.allows(URI.create(url));
    }

    @Test
    void exactHostMatchesOnItsDefaultPortOnly() {
        assertThat(allows("https://example.com/a.yaml")).isTrue();
        assertThat(allows("https://EXAMPLE.com./a.yaml")).isTrue();
        assertThat(allows("https://example.com:8080/a.yaml")).isFalse();
        assertThat(allows("https://sub.example.com/a.yaml")).isFalse();
    }

    @Test
    void hostWithPortMatchesThatPortOnly() {
        assertThat(allows("https://git.internal:8443/a.yaml")).isTrue();
        assertThat(allows("https://git.internal/a.yaml")).isFalse();
    }

    @Test
    void wildcardMatchesSubdomainsButNotTheApex() {
        assertThat(allows("https://o.github.io/a.yaml")).isTrue();
        assertThat(allows("https://github.io/a.yaml")).isFalse();
        assertThat(allows("https://evilgithub.io/a.yaml")).isFalse();
    }

    @Test
    void userInfoOtherSchemesAndHostlessUrlsNeverMatch() {
        assertThat(allows("https://example.com@evil.test/a.yaml")).isFalse();
        assertThat(allows("https://user@example.com/a.yaml")).isFalse();
        assertThat(allows("ftp://example.com/a.yaml")).isFalse();
        assertThat(allows("file:///etc/passwd")).isFalse();
    }
}
