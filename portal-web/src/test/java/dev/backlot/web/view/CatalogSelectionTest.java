package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityFilter.Condition;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSelectionTest {

    @Test
    void defaultsToComponentsByNameWithAnEmptyQueryString() {
        CatalogSelection s = new CatalogSelection();

        assertThat(s.toFilter(List.of()).anyOf()).containsExactly(List.of(new Condition("kind", List.of("component"))));
        assertThat(s.defaultOrder()).isEqualTo(new EntityOrder("metadata.name", true));
        assertThat(s.toQueryString()).isEmpty();
    }

    @Test
    void facetsAreAndedAndTheirValuesOred() {
        CatalogSelection s = new CatalogSelection();
        s.setValues("type", CatalogSelection.split("service,website"));
        s.setValues("owner", List.of("payments"));

        EntityFilter filter = s.toFilter(List.of());

        assertThat(filter.anyOf()).containsExactly(List.of(new Condition("kind", List.of("component")),
                new Condition("spec.type", List.of("service", "website")), new Condition("spec.owner", List.of("payments"))));
    }

    @Test
    void ownedByMeMatchesTheUserOrAnyOfTheirGroups() {
        CatalogSelection s = new CatalogSelection();
        s.setKind("all");
        s.setMine(true);

        assertThat(s.toFilter(List.of("user:default/ada", "group:default/platform")).anyOf()).containsExactly(
                List.of(new Condition("relations.ownedby", List.of("user:default/ada", "group:default/platform"))));
    }

    @Test
    void everythingTravelsInTheUrl() {
        CatalogSelection s = new CatalogSelection();
        s.setKind("api");
        s.setValues("type", List.of("openapi", "grpc"));
        s.setValues("tag", List.of("java"));
        s.setQ("pay ment");
        s.setMine(true);
        s.setPage(3);
        s.setSort("-owner");

        assertThat(s.toQueryString())
                .isEqualTo("kind=api&type=openapi%2Cgrpc&tag=java&q=pay+ment&mine=true&page=3&sort=-owner");
        assertThat(s.defaultOrder()).isEqualTo(new EntityOrder("spec.owner", false));
    }

    @Test
    void textSearchLooksInNamesTitlesDescriptionsPeopleAndTags() {
        CatalogSelection s = new CatalogSelection();
        s.setQ("  pay ");

        EntityQuery q = s.toQuery(List.of(), 20, 10, null);

        assertThat(q.fullTextTerm()).isEqualTo("pay");
        assertThat(q.fullTextFields()).containsExactly("metadata.name", "metadata.title", "metadata.description",
                "spec.profile.displayname", "spec.profile.email", "metadata.tags");
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.limit()).isEqualTo(10);
    }

    @Test
    void unknownSortsAndBadPagesFallBackToDefaults() {
        CatalogSelection s = new CatalogSelection();
        s.setSort("metadata.annotations");
        s.setPage(-4);

        assertThat(s.getSort()).isNull();
        assertThat(s.getPage()).isEqualTo(1);
    }
}
