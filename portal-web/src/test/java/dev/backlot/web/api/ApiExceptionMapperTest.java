package dev.backlot.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import dev.backlot.common.ServiceUnavailableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ApiExceptionMapperTest {

    private static ApiExceptionMapper.Failure failure(Exception e) {
        return ApiExceptionMapper.failure(e);
    }

    @Test
    void pluginRefusalsMapToTheirStatusWithTheExactReason() {
        assertThat(failure(new PluginRefusedException(Reason.INVALID, "no manifest")))
                .isEqualTo(new ApiExceptionMapper.Failure(400, "InputError", "no manifest"));
        assertThat(failure(new PluginRefusedException(Reason.TOO_LARGE, "too big")).status()).isEqualTo(413);
        assertThat(failure(new PluginRefusedException(Reason.CONFLICT, "missing package com.x")))
                .isEqualTo(new ApiExceptionMapper.Failure(409, "ConflictError", "missing package com.x"));
        assertThat(failure(new PluginRefusedException(Reason.NOT_FOUND, "none")).name()).isEqualTo("NotFoundError");
    }

    @Test
    void unsupportedMediaTypeAndMissingDatabaseHaveTheirOwnStatus() {
        assertThat(failure(new NotSupportedException("Send a jar"))).isEqualTo(
                new ApiExceptionMapper.Failure(415, "UnsupportedMediaTypeError", "Send a jar"));
        assertThat(failure(new ServiceUnavailableException("plugin management", "no database")).status()).isEqualTo(503);
    }

    @Test
    void errorBodyHasBackstagesShapeWithTheRequest() {
        Response response = ApiJson.error(409, "ConflictError", "already installed", "POST", "/api/admin/plugins");

        assertThat((String) response.getEntity()).isEqualTo("{\"error\":{\"name\":\"ConflictError\",\"message\":"
                + "\"already installed\"},\"request\":{\"method\":\"POST\",\"url\":\"/api/admin/plugins\"},"
                + "\"response\":{\"statusCode\":409}}");
    }
}
