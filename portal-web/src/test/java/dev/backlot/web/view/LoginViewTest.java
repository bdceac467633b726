package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInViewTest {

    @Test
    void returnsToALocalPathAfterSignIn() {
        assertThat(LoginView.safeNext("/admin/plugins?x=1")).isEqualTo("/admin/plugins?x=1");
    }

    @Test
    void neverRedirectsToAnotherHost() {
        for (String next : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/ok\r\nSet-Cookie: x=1", null, "", "/login?next=/admin"}) {
            assertThat(LoginView.safeNext(next)).as(String.valueOf(next)).isEqualTo("/");
        }
    }
}
