package dev.backlot.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityPathTest {

    @Test
    void threeSegmentsAfterCatalogNameAnEntity() {
        assertThat(EntityPath.parse("/catalog/default/component/payment-service"))
                .contains(new EntityPath("default", "component", "payment-service"));
        assertThat(EntityPath.parse("/catalog/default/component/payment-service/"))
                .contains(new EntityPath("default", "component", "payment-service"));
    }

    @Test
    void theContainersDecodedSegmentsAreTakenAsTheyAreAndPlusStaysAPlus() {
        assertThat(EntityPath.parse("/catalog/my ns/component/a+b"))
                .contains(new EntityPath("my ns", "component", "a+b"));
    }

    @Test
    void aSegmentStillEncodedAfterTheContainerDecodedItNamesNoEntity() {
        assertThat(EntityPath.parse("/catalog/a/b/%2e%2e")).isEmpty();
        assertThat(EntityPath.parse("/catalog/my%20ns/component/x")).isEmpty();
    }

    @Test
    void forwardPathCarriesTheDecodedPartsAsEncodedParameters() {
        assertThat(new EntityPath("default", "api", "a&b").forwardPath())
                .isEqualTo("/catalog/entity.xhtml?namespace=default&kind=api&name=a%26b");
    }

    @Test
    void catalogsOwnPagesAndOtherShapesAreLeftAlone() {
        assertThat(EntityPath.parse("/catalog")).isEmpty();
        assertThat(EntityPath.parse("/catalog/")).isEmpty();
        assertThat(EntityPath.parse("/catalog/errors")).isEmpty();
        assertThat(EntityPath.parse("/catalog/entity.xhtml")).isEmpty();
        assertThat(EntityPath.parse("/catalog/entity/component/x")).isEmpty();
        assertThat(EntityPath.parse("/catalog/errors/component/x")).isEmpty();
        assertThat(EntityPath.parse("/catalog/default/component")).isEmpty();
        assertThat(EntityPath.parse("/catalog/default/component/x/extra")).isEmpty();
        assertThat(EntityPath.parse("/catalog/default//x")).isEmpty();
        assertThat(EntityPath.parse("/catalog/a/b/c.xhtml")).isEmpty();
        assertThat(EntityPath.parse("/catalog-import")).isEmpty();
        assertThat(EntityPath.parse("/catalog/a/b/%zz")).isEmpty();
    }
}
