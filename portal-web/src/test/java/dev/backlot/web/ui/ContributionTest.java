package dev.backlot.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.spi.ui.UiContribution;
import jakarta.el.ELException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContributionTest {

    @Test
    void contributionWithoutKindsOrTypesAppliesToEveryEntity() {
        Contribution any = contribution(Set.of(), Set.of());

        assertThat(any.appliesTo("Component", "service")).isTrue();
        assertThat(any.appliesTo("Group", null)).isTrue();
    }

    @Test
    void kindsAndTypesAreComparedIgnoringCase() {
        Contribution services = contribution(Set.of("Component"), Set.of("Service", "website"));

        assertThat(services.appliesTo("component", "SERVICE")).isTrue();
        assertThat(services.appliesTo("Component", "website")).isTrue();
        assertThat(services.appliesTo("Component", "library")).isFalse();
        assertThat(services.appliesTo("Component", null)).isFalse();
        assertThat(services.appliesTo("API", "service")).isFalse();
    }

    @Test
    void contextCarriesTheEntityAsAnUnmodifiableModelRecord() {
        Map<String, Object> tree = Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
                "metadata", Map.of("name", "payments", "namespace", "shop", "tags", List.of("java")),
                "spec", Map.of("type", "service", "owner", "team-a"),
                "relations", List.of(Map.of("type", "ownedBy", "targetRef", "group:shop/team-a"),
                        Map.of("type", "odd", "targetRef", "no-kind-here")));

        Map<String, Object> context = ContributionContext.of(UiContribution.ENTITY_TAB, "ada", Entity.fromTree(tree));

        Entity entity = (Entity) context.get(UiContribution.CONTEXT_ENTITY);
        assertThat(entity.name()).isEqualTo("payments");
        assertThat(entity.relations()).containsExactly(new Entity.Relation("ownedBy", new EntityRef("group", "shop", "team-a")));
        assertThat(context).containsEntry(UiContribution.CONTEXT_ENTITY_REF, new EntityRef("Component", "shop", "payments"))
                .containsEntry(UiContribution.CONTEXT_KIND, "Component").containsEntry(UiContribution.CONTEXT_NAMESPACE, "shop")
                .containsEntry(UiContribution.CONTEXT_NAME, "payments").containsEntry(UiContribution.CONTEXT_USER, "ada")
                .containsEntry(UiContribution.CONTEXT_SLOT, UiContribution.ENTITY_TAB);
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) entity.metadata().get("tags");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tags.add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contextOfAPageWithoutEntityOrUserHasOnlyTheSlot() {
        assertThat(ContributionContext.of(UiContribution.HOME_CARD, null, null))
                .containsExactly(Map.entry(UiContribution.CONTEXT_SLOT, UiContribution.HOME_CARD));
    }

    @Test
    void failureReasonIsTheInnermostMessageWithTheFragmentLine() {
        Throwable el = new ELException("/plugin/12/345/ui/card.xhtml @12,30 value=\"#{model.boom()}\": boom",
                new IllegalStateException("the database is down"));

        assertThat(Fragments.reason(el)).isEqualTo("the database is down (ui/card.xhtml line 12)");
        assertThat(Fragments.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Fragments.reason(new RuntimeException("two\n   lines"))).isEqualTo("two lines");
    }

    private static Contribution contribution(Set<String> kinds, Set<String> types) {
        return new Contribution(1, "dev.backlot.x", 1, UiContribution.ENTITY_TAB, "x", "X", "/plugin/1/1/ui/x.xhtml", kinds,
                types);
    }
}
