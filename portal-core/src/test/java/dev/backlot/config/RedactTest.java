package dev.backlot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void jdbcUrlLosesUserInfoAndPasswordParameters() {
        assertThat(Redact.jdbcUrl("jdbc:postgresql://backlot:s3cret@db:5432/backlot?sslpassword=k3y&ssl=true&password=p4ss"))
                .isEqualTo("jdbc:postgresql://***@db:5432/backlot?sslpassword=***&ssl=true&password=***")
                .doesNotContain("s3cret", "k3y", "p4ss");
        assertThat(Redact.jdbcUrl("jdbc:h2:file:/data/db/portal;PASSWORD=x;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:/data/db/portal;PASSWORD=***;AUTO_SERVER=FALSE");
        assertThat(Redact.jdbcUrl("jdbc:postgresql://db/backlot")).isEqualTo("jdbc:postgresql://db/backlot");
    }

    @Test
    void urlQueryValuesAreMaskedButTheirNamesKept() {
        assertThat(Redact.urlQuery("url:https://u:p@git.example.com/x.yaml?token=abc&ref=main#top"))
                .isEqualTo("url:https://***@git.example.com/x.yaml?token=***&ref=***#top");
        assertThat(Redact.urlQuery("file:/srv/catalog/org.yaml")).isEqualTo("file:/srv/catalog/org.yaml");
    }

    @Test
    void configToStringShowsNoDatabaseSecret() {
        PortalConfig config = PortalConfig.from(name -> Optional.ofNullable(Map.of(
                "portal.db.url", "jdbc:postgresql://app:hunter2@db/backlot?password=hunter3",
                "portal.db.password", "hunter4",
                "portal.api.token", "a-very-long-api-token").get(name)));

        assertThat(config.toString()).doesNotContain("hunter2", "hunter3", "hunter4", "a-very-long-api-token")
                .contains("jdbc:postgresql://***@db/backlot?password=***");
    }
}
