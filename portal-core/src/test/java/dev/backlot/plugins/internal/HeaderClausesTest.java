package dev.backlot.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifest headers split by the OSGi grammar. */
class HeaderClausesTest {

    @Test
    void commasInsideQuotesStayInTheValue() {
        List<HeaderClauses.Clause> clauses = HeaderClauses.parse(
                "dev.backlot.spi.ui;version=\"[0.1,1)\",org.osgi.framework;version=\"[1.10,2)\"");

        assertThat(clauses).extracting(HeaderClauses.Clause::paths)
                .containsExactly(List.of("dev.backlot.spi.ui"), List.of("org.osgi.framework"));
        assertThat(clauses.get(0).attributes()).containsEntry("version", "[0.1,1)");
        assertThat(clauses.get(0).text()).isEqualTo("dev.backlot.spi.ui;version=\"[0.1,1)\"");
    }

    @Test
    void directivesAndTypedAttributesAreToldApart() {
        HeaderClauses.Clause clause = HeaderClauses.parse(
                "osgi.service;objectClass:List<String>=\"a.B,c.D\";uses:=\"a,c\"").get(0);

        assertThat(clause.attributes()).containsEntry("objectClass", "a.B,c.D");
        assertThat(clause.directives()).containsEntry("uses", "a,c");
    }

    @Test
    void aClauseWithSeveralPackagesIsListedOncePerPackage() {
        assertThat(HeaderClauses.perPath("com.a;com.b;version=\"[1,2)\";resolution:=optional,com.c"))
                .containsExactly("com.a;version=\"[1,2)\";resolution:=optional",
                        "com.b;version=\"[1,2)\";resolution:=optional", "com.c");
    }

    @Test
    void anUnbalancedQuoteIsAnError() {
        assertThatThrownBy(() -> HeaderClauses.parse("com.a;version=\"[1,2)")).hasMessageContaining("unbalanced quote");
    }

    @Test
    void anEmptyClauseIsAnError() {
        assertThatThrownBy(() -> HeaderClauses.parse("com.a,,com.b")).hasMessageContaining("empty clause");
    }
}
