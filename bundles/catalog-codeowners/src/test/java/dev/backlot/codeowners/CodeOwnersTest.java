package dev.backlot.codeowners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeOwnersTest {

    @Test
    void lastCatchAllRuleWins() {
        assertThat(CodeOwners.catchAllOwners(List.of("# owners", "* @acme/old", "/docs/ @acme/writers",
                "*   @acme/payments  @grace # the team"))).containsExactly("@acme/payments", "@grace");
    }

    @Test
    void noCatchAllRuleMeansNoOwners() {
        assertThat(CodeOwners.catchAllOwners(List.of("/src/ @acme/devs", "", "# nothing"))).isEmpty();
    }

    @Test
    void teamHandleMatchesCatalogGroup() {
        assertThat(CodeOwners.names("@acme/payments", "payments")).isTrue();
        assertThat(CodeOwners.names("@acme/payments", "group:default/payments")).isTrue();
        assertThat(CodeOwners.names("@grace", "user:grace")).isTrue();
        assertThat(CodeOwners.names("@acme/platform", "payments")).isFalse();
    }
}
