package dev.backlot.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditResourceTest {

    @Test
    void pagingParametersDefaultAndStayInRange() {
        assertThat(AuditResource.number("limit", null, 100, 1, 500)).isEqualTo(100);
        assertThat(AuditResource.number("limit", " 20 ", 100, 1, 500)).isEqualTo(20);
    }

    @Test
    void badPagingParametersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> AuditResource.number("limit", "0", 100, 1, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "Query parameter limit must be a whole number from 1 to 500, was '0'");
        assertThatThrownBy(() -> AuditResource.number("offset", "ten", 0, 0, 10_000))
                .hasMessageContaining("offset").hasMessageContaining("'ten'");
    }
}
