package dev.backlot.web.security;

import static dev.backlot.web.security.AccessRules.Decision.ALLOW;
import static dev.backlot.web.security.AccessRules.Decision.FORBIDDEN;
import static dev.backlot.web.security.AccessRules.Decision.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN, Caller.USER));
    private static final Caller USER = new Caller("ada", Set.of(Caller.USER));

    @Test
    void adminAreasNeedTheAdminRole() {
        for (String path : new String[] {"/admin/plugins", "/api/admin/plugins", "/admin", "/admin/plugins.xhtml"}) {
            assertThat(AccessRules.decide(path, "GET", null)).as(path).isEqualTo(SIGN_IN);
            assertThat(AccessRules.decide(path, "GET", USER)).as(path).isEqualTo(FORBIDDEN);
            assertThat(AccessRules.decide(path, "GET", ADMIN)).as(path).isEqualTo(ALLOW);
        }
    }

    @Test
    void deployApiWritesAndTheAuditLogNeedTheAdminRole() {
        String[][] calls = {{"POST", "/api/admin/plugins"}, {"PUT", "/api/admin/plugins/com.example.a"},
            {"POST", "/api/admin/plugins/com.example.a/rollback"}, {"DELETE", "/api/admin/plugins/com.example.a"},
            {"GET", "/api/admin/audit"}, {"GET", "/admin/plugin"}};
        for (String[] call : calls) {
            assertThat(AccessRules.decide(call[1], call[0], null)).as(call[0] + " " + call[1]).isEqualTo(SIGN_IN);
            assertThat(AccessRules.decide(call[1], call[0], USER)).as(call[0] + " " + call[1]).isEqualTo(FORBIDDEN);
            assertThat(AccessRules.decide(call[1], call[0], ADMIN)).as(call[0] + " " + call[1]).isEqualTo(ALLOW);
        }
    }

    @Test
    void apiWritesNeedASignedInCallerAndReadsDoNot() {
        assertThat(AccessRules.decide("/api/catalog/locations", "POST", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.decide("/api/catalog/entities/by-uid/x", "DELETE", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.decide("/api/catalog/locations", "POST", USER)).isEqualTo(ALLOW);
        assertThat(AccessRules.decide("/api/catalog/entities", "GET", null)).isEqualTo(ALLOW);
    }

    @Test
    void catalogQueriesSentAsPostAreReadsOpenToAnyone() {
        for (String path : new String[] {"/api/catalog/entities/by-query", "/api/catalog/entities/by-refs",
                "/api/catalog/entity-facets", "/api/catalog/locations/by-query", "/api//catalog/entities/by-query/"}) {
            assertThat(AccessRules.decide(path, "POST", null)).as(path).isEqualTo(ALLOW);
            assertThat(AccessRules.isRead(path, "POST")).as(path).isTrue();
        }
        assertThat(AccessRules.decide("/api/catalog/entities/by-query", "DELETE", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.decide("/api/catalog/entities/by-query/x", "POST", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.decide("/api/catalog/refresh", "POST", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.isRead("/api/catalog/locations", "POST")).isFalse();
        assertThat(AccessRules.decide("/api/catalog/locations/by-query", "PUT", null)).isEqualTo(SIGN_IN);
        assertThat(AccessRules.decide("/api/catalog/locations/0b6c1f9e-0000-4000-8000-000000000001", "PUT", null))
                .isEqualTo(SIGN_IN);
    }

    @Test
    void pagesAreOpenToReaders() {
        assertThat(AccessRules.decide("/", "GET", null)).isEqualTo(ALLOW);
        assertThat(AccessRules.decide("/catalog", "GET", null)).isEqualTo(ALLOW);
        assertThat(AccessRules.decide("/administrator-notes", "GET", null)).isEqualTo(ALLOW);
    }

    @Test
    void disguisedAdminPathsAreStillProtected() {
        for (String path : new String[] {"//admin/plugins", "/ADMIN/plugins", "/catalog/../admin/plugins",
                "/./api/admin/plugins", "/api/ADMIN/plugins", "/admin;jsessionid=x/plugins", "/api//admin/plugins"}) {
            assertThat(AccessRules.decide(path, "GET", null)).as(path).isEqualTo(SIGN_IN);
        }
    }

    @Test
    void apiPathsAreRecognised() {
        assertThat(AccessRules.isApi("/api/admin/plugins")).isTrue();
        assertThat(AccessRules.isApi("/apidocs")).isFalse();
        assertThat(AccessRules.isApi("/catalog")).isFalse();
    }
}
