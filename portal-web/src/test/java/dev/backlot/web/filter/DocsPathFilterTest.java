package dev.backlot.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsPathFilterTest {

    @Test
    void aDocsPagePathIsForwardedToTheReaderWithItsFourParts() {
        assertThat(DocsPathFilter.forwardPath("/docs/default/component/payments/guide/setup/"))
                .isEqualTo("/docs-reader.xhtml?namespace=default&kind=component&name=payments&path=guide%2Fsetup%2F");
    }

    @Test
    void theWelcomeFileTheContainerAppendsToAFolderPathIsDropped() {
        assertThat(DocsPathFilter.forwardPath("/docs/default/component/payments/index.xhtml"))
                .endsWith("&path=");
        assertThat(DocsPathFilter.forwardPath("/docs/default/component/payments/guide/index.xhtml"))
                .endsWith("&path=guide%2F");
    }

    @Test
    void theDocsListAndShortPathsAreNotReaderPaths() {
        assertThat(DocsPathFilter.forwardPath("/docs")).isNull();
        assertThat(DocsPathFilter.forwardPath("/docs/default/component")).isNull();
        assertThat(DocsPathFilter.forwardPath("/docs/%zz/component/x/")).isNull();
    }
}
