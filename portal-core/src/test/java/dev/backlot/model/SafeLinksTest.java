package dev.backlot.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeLinksTest {

    @Test
    void webAndMailLinksAndPortalPathsAreSafe() {
        assertThat(SafeLinks.isSafe("https://wiki.example.com/a?b=c")).isTrue();
        assertThat(SafeLinks.isSafe("HTTP://example.com")).isTrue();
        assertThat(SafeLinks.isSafe("mailto:team@example.com")).isTrue();
        assertThat(SafeLinks.isSafe("/catalog/default/component/x")).isTrue();
        assertThat(SafeLinks.isSafe("docs/readme.md")).isTrue();
        assertThat(SafeLinks.isSafe("#section")).isTrue();
        assertThat(SafeLinks.isSafe("/a/b:c")).isTrue();
    }

    @Test
    void scriptAndOtherSchemesAreNotSafeHoweverTheyAreSpelled() {
        for (String url : new String[] {"javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", " javascript:x",
                "\u0001javascript:x", "java\tscript:x", "java\nscript:x", "vbscript:msgbox", "data:text/html,<script>x</script>",
                "data:image/png;base64,AAAA", "file:///etc/passwd", "jar:file:/x!/", "livescript:x"}) {
            assertThat(SafeLinks.isSafe(url)).as(url).isFalse();
        }
    }

    @Test
    void emptyAndColonBeforeAnySlashAreNotSafe() {
        assertThat(SafeLinks.isSafe(null)).isFalse();
        assertThat(SafeLinks.isSafe("   ")).isFalse();
        assertThat(SafeLinks.isSafe("1javascript:x")).isFalse();
    }

    @Test
    void entityEncodingCannotSpellASchemeBecauseItStaysText() {
        // Faces escapes the attribute, so the browser sees these characters literally: a relative path.
        assertThat(SafeLinks.scheme("java&#115;cript:alert(1)")).isEmpty();
    }
}
