package dev.backlot.catalog.internal.model;

import static dev.backlot.catalog.internal.model.Entities.component;
import static dev.backlot.catalog.internal.model.Entities.map;
import static dev.backlot.catalog.internal.model.Entities.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetadataRulesTest {

    private static List<String> validateWithMetadata(String field, Object value) {
        Map<String, Object> entity = component();
        metadata(entity).put(field, value);
        return EntityRules.validate(entity);
    }

    @Test
    void nameWithSpaceIsRejectedWithTheRule() {
        assertThat(validateWithMetadata("name", "my service")).containsExactly("metadata.name \"my service\" is invalid: "
                + "1-63 characters of [A-Za-z0-9-_.], starting and ending with a letter or digit");
    }

    @Test
    void nameMayMixCaseDotsAndUnderscores() {
        assertThat(validateWithMetadata("name", "Artist_Lookup.v2")).isEmpty();
    }

    @Test
    void nameMustStartAndEndAlphanumericAndFit63Characters() {
        assertThat(validateWithMetadata("name", "-lead")).hasSize(1);
        assertThat(validateWithMetadata("name", "trail.")).hasSize(1);
        assertThat(validateWithMetadata("name", "a".repeat(63))).isEmpty();
        assertThat(validateWithMetadata("name", "a".repeat(64))).hasSize(1);
    }

    @Test
    void missingNameIsReported() {
        Map<String, Object> entity = component();
        metadata(entity).remove("name");

        assertThat(EntityRules.validate(entity)).singleElement().asString().startsWith("metadata.name is missing");
    }

    @Test
    void namespaceMustBeALowerCaseDnsLabel() {
        assertThat(validateWithMetadata("namespace", "Payments")).containsExactly("metadata.namespace \"Payments\" "
                + "is invalid: 1-63 characters of [a-z0-9-], starting and ending with a lower-case letter or digit");
        assertThat(validateWithMetadata("namespace", "team-payments")).isEmpty();
        assertThat(validateWithMetadata("namespace", "a--b")).hasSize(1);
    }

    @Test
    void nullOrEmptyNamespaceMeansDefault() {
        assertThat(validateWithMetadata("namespace", null)).isEmpty();
        assertThat(validateWithMetadata("namespace", "")).isEmpty();
    }

    @Test
    void labelKeysTakeAnOptionalDnsPrefixAndValuesMayBeEmpty() {
        assertThat(validateWithMetadata("labels", map("example.com/tier", "gold", "plain", ""))).isEmpty();
        assertThat(validateWithMetadata("labels", map("Example.com/tier", "gold"))).singleElement().asString()
                .startsWith("metadata.labels key \"Example.com/tier\" is invalid: an optional DNS-subdomain prefix");
        assertThat(validateWithMetadata("labels", map("a/b/c", "x"))).hasSize(1);
    }

    @Test
    void labelValueFollowsTheNameRule() {
        assertThat(validateWithMetadata("labels", map("tier", "gold plated"))).containsExactly(
                "metadata.labels[\"tier\"] \"gold plated\" is invalid: empty, or 1-63 characters of [A-Za-z0-9-_.], "
                        + "starting and ending with a letter or digit");
    }

    @Test
    void annotationValuesAreFreeButKeysAreChecked() {
        assertThat(validateWithMetadata("annotations", map("backstage.io/techdocs-ref", "dir:. with spaces"))).isEmpty();
        assertThat(validateWithMetadata("annotations", map("bad key", "x"))).hasSize(1);
        assertThat(validateWithMetadata("annotations", map("github.com/project-slug", 42)))
                .containsExactly("metadata.annotations[\"github.com/project-slug\"] 42 is invalid: must be a string");
    }

    @Test
    void tagsAreLowerCaseWordsJoinedByDashes() {
        assertThat(validateWithMetadata("tags", List.of("java", "c++", "c#", "lang:go", "data-pipeline"))).isEmpty();
        assertThat(validateWithMetadata("tags", List.of("ok", "Java"))).containsExactly(
                "metadata.tags[1] \"Java\" is invalid: 1-63 characters of [a-z0-9:+#], in words joined by single '-'");
        assertThat(validateWithMetadata("tags", List.of("double--dash"))).hasSize(1);
    }

    @Test
    void linksNeedAnAbsoluteUrlAndNonEmptyOptionalFields() {
        assertThat(validateWithMetadata("links", List.of(map("url", "https://example.com", "title", "Home",
                "icon", "dashboard", "type", "admin")))).isEmpty();
        assertThat(validateWithMetadata("links", List.of(map("url", "/relative")))).containsExactly(
                "metadata.links[0].url \"/relative\" is invalid: must be an absolute URL such as https://example.com/path");
        assertThat(validateWithMetadata("links", List.of(map("title", "")))).containsExactly(
                "metadata.links[0].url is missing: every link needs an absolute URL such as https://example.com/path",
                "metadata.links[0].title \"\" is invalid: must be a non-empty string");
    }

    @Test
    void titleMustNotBeEmptyButDescriptionMay() {
        assertThat(validateWithMetadata("title", "")).hasSize(1);
        assertThat(validateWithMetadata("description", "")).isEmpty();
    }

    @Test
    void extraMetadataKeysAreKept() {
        assertThat(validateWithMetadata("customField", map("anything", List.of(1, 2)))).isEmpty();
    }
}
