package dev.backlot.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityRefTest {

    @Test
    void fullReferenceIsParsed() {
        EntityRef ref = EntityRef.parse("Component:Payments/Billing", null, null);

        assertThat(ref.kind()).isEqualTo("Component");
        assertThat(ref.namespace()).isEqualTo("Payments");
        assertThat(ref.name()).isEqualTo("Billing");
        assertThat(ref.canonical()).isEqualTo("component:payments/billing");
    }

    @Test
    void missingKindAndNamespaceComeFromTheContext() {
        assertThat(EntityRef.parse("team-a", "Group", "ops")).isEqualTo(new EntityRef("group", "ops", "team-a"));
        assertThat(EntityRef.parse("team-a", "Group", null).namespace()).isEqualTo("default");
    }

    @Test
    void comparisonIgnoresCase() {
        assertThat(new EntityRef("Group", "Default", "Team-A")).isEqualTo(new EntityRef("group", "default", "team-a"))
                .hasSameHashCodeAs(new EntityRef("group", "default", "team-a"));
    }

    @Test
    void referenceWithoutKindAndNoDefaultIsAnError() {
        assertThatThrownBy(() -> EntityRef.parse("default/thing", null, null)).hasMessageContaining("no kind");
    }

    @Test
    void emptyPartsAreErrors() {
        assertThatThrownBy(() -> EntityRef.parse("component:/x", null, null)).hasMessageContaining("namespace");
        assertThatThrownBy(() -> EntityRef.parse(" ", "group", null)).hasMessageContaining("empty");
    }
}
