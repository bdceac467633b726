package dev.backlot.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.EntityPredicate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The location query's predicate: Backstage's rules for the four fields of a location. */
class LocationPredicateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CatalogLocation GITHUB = new CatalogLocation("0b6c1f9e-0000-4000-8000-000000000001", "url",
            "https://github.com/Acme/shop/blob/main/catalog-info.yaml");
    private static final CatalogLocation LOCAL = new CatalogLocation("7d1e2a3b-0000-4000-8000-000000000002", "file",
            "/srv/repos/billing/catalog-info.yaml");
    private static final List<CatalogLocation> ALL = List.of(GITHUB, LOCAL);

    private static List<CatalogLocation> matching(String json) throws Exception {
        LocationPredicate p = LocationPredicate.of(EntityPredicate.parse(JSON.readValue(json, Object.class)));
        return ALL.stream().filter(p::matches).toList();
    }

    @Test
    void valuesCompareIgnoringCaseAndFieldNamesMayBeWrittenInAnyCase() throws Exception {
        assertThat(matching("{\"type\": \"URL\"}")).containsExactly(GITHUB);
        assertThat(matching("{\"Target\": \"https://github.com/acme/shop/blob/main/catalog-info.yaml\"}")).containsExactly(GITHUB);
        assertThat(matching("{\"entityRef\": \"" + LOCAL.entityRef().toUpperCase() + "\"}")).containsExactly(LOCAL);
        assertThat(matching("{\"id\": \"" + LOCAL.id().toUpperCase() + "\"}")).containsExactly(LOCAL);
    }

    @Test
    void hasPrefixIgnoresCaseAndInComparesIdsExactly() throws Exception {
        assertThat(matching("{\"target\": {\"$hasPrefix\": \"HTTPS://GITHUB.COM/acme/\"}}")).containsExactly(GITHUB);
        assertThat(matching("{\"type\": {\"$in\": [\"FILE\", \"gitlab\"]}}")).containsExactly(LOCAL);
        assertThat(matching("{\"id\": {\"$in\": [\"" + GITHUB.id() + "\"]}}")).containsExactly(GITHUB);
        assertThat(matching("{\"id\": {\"$in\": [\"" + GITHUB.id().toUpperCase() + "\"]}}")).isEmpty();
        assertThat(matching("{\"type\": {\"$in\": []}}")).isEmpty();
    }

    @Test
    void logicalOperatorsCombineAndEveryFieldExistsWhileNoneIsAList() throws Exception {
        assertThat(matching("{\"$any\": [{\"type\": \"file\"}, {\"target\": {\"$hasPrefix\": \"https://\"}}]}"))
                .containsExactly(GITHUB, LOCAL);
        assertThat(matching("{\"$all\": [{\"type\": \"url\"}, {\"$not\": {\"target\": {\"$hasPrefix\": \"https://github.com\"}}}]}"))
                .isEmpty();
        assertThat(matching("{\"$not\": {\"type\": \"url\"}}")).containsExactly(LOCAL);
        assertThat(matching("{\"target\": {\"$exists\": true}}")).containsExactly(GITHUB, LOCAL);
        assertThat(matching("{\"target\": {\"$exists\": false}}")).isEmpty();
        assertThat(matching("{\"target\": {\"$contains\": \"x\"}}")).isEmpty();
        assertThat(matching("{}")).containsExactly(GITHUB, LOCAL);
    }

    @Test
    void pathsOtherThanTheLocationFieldsAreRefusedEvenDeepInside() {
        assertThatThrownBy(() -> matching("{\"$any\": [{\"type\": \"url\"}, {\"$not\": {\"spec.type\": \"url\"}}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Locations can be queried by id, type, target and entityRef, not by 'spec.type'");
        assertThatThrownBy(() -> matching("{\"metadata.name\": \"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not by 'metadata.name'");
    }
}
