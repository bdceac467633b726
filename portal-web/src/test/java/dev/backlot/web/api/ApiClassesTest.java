package dev.backlot.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiClassesTest {

    @Test
    void theApiIsThePortalsOwnResourcesAndProvidersOnly() {
        var classes = ApiClasses.find();
        assertThat(classes).contains(CatalogResource.class, SearchResource.class, SearchAdminResource.class,
                ApiExceptionMapper.class, dev.backlot.web.security.RolesAllowedFeature.class);
        assertThat(classes).allSatisfy(c -> assertThat(c.getName()).startsWith("dev.backlot.web."));
        assertThat(classes).doesNotContain(RestApplication.class, ApiJson.class);
    }
}
