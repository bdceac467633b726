package dev.backlot.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawPathTest {

    @Test
    void pathsBrowsersSendPass() {
        for (String path : new String[] {"/", "/catalog", "/catalog/", "/admin/plugins", "/api/catalog/entities",
                "/catalog/default/component/petstore", "/api/catalog/entities/by-name/component/default/a.b_c-d",
                "/docs/default/component/x/Getting%20Started", "/search/caf%C3%A9", "/plugin-resources/x/1/app.css",
                "/jakarta.faces.resource/theme.css.xhtml"}) {
            assertThat(RawPath.problem(path)).as(path).isEmpty();
        }
    }

    @Test
    void encodedTricksAreRefused() {
        for (String path : new String[] {"/%61dmin/plugins.xhtml", "/%2561dmin", "/api/%2e%2e/api/admin/audit",
                "/api%2fadmin/plugins", "/admin%5cplugins", "/%2E%2E/admin", "/x%3b/admin", "/a%00b", "/a%zz", "/a%2",
                "/%7eroot"}) {
            assertThat(RawPath.problem(path)).as(path).isPresent();
        }
    }

    @Test
    void pathParametersDotSegmentsAndEmptySegmentsAreRefused() {
        for (String path : new String[] {"/x;/../admin/plugins.xhtml", "/api;admin/plugins", "/api/admin;x=y/plugins",
                "/catalog;jsessionid=abc", "//admin", "/admin/./plugins.xhtml", "/plugin-resources/../admin",
                "/api/..", "/a\\b", "/api//admin"}) {
            assertThat(RawPath.problem(path)).as(path).isPresent();
        }
    }
}
