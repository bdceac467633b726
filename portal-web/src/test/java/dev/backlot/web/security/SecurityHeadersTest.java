package dev.backlot.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void thePagePolicyInWebXmlIsTheDocumentedOneWithScriptSrcLastForTheNonce() throws Exception {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        Matcher policy = Pattern.compile("<param-name>primefaces.CSP_POLICY</param-name>\\s*<param-value>([^<]+)</param-value>")
                .matcher(webXml);

        assertThat(policy.find()).isTrue();
        assertThat(policy.group(1).trim()).isEqualTo(SecurityHeaders.PAGE_POLICY).endsWith("script-src 'self'")
                .doesNotContain("unsafe-eval").contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(webXml).containsPattern("<param-name>primefaces.CSP</param-name>\\s*<param-value>true</param-value>");
    }

    @Test
    void everythingThatIsNotAPageLoadsAndRunsNothing() {
        assertThat(SecurityHeaders.STRICT_POLICY).startsWith("default-src 'none'").contains("sandbox", "frame-ancestors 'none'");
    }
}
