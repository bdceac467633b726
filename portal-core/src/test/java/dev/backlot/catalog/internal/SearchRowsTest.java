package dev.backlot.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRowsTest {

    private static Map<String, Object> entity() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "Shop");
        metadata.put("uid", "u-1");
        metadata.put("etag", "e-1");
        metadata.put("tags", List.of("Java", "grpc"));
        metadata.put("description", "x".repeat(201));
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("kind", "Component");
        entity.put("metadata", metadata);
        entity.put("relations", List.of(Map.of("type", "ownedBy", "targetRef", "group:default/team-a")));
        entity.put("status", Map.of("items", List.of(Map.of("message", "boom"))));
        return entity;
    }

    @Test
    void leavesAreLowerCasedUnderTheirDotPathWithTheOriginalKept() {
        assertThat(SearchRows.of(entity())).contains(new SearchRows.Row("kind", "component", "Component"),
                new SearchRows.Row("metadata.name", "shop", "Shop"), new SearchRows.Row("metadata.uid", "u-1", "u-1"));
    }

    @Test
    void stringListsGiveOneRowPerElementAndAnExistenceRowPerElement() {
        assertThat(SearchRows.of(entity())).contains(new SearchRows.Row("metadata.tags", "java", "Java"),
                new SearchRows.Row("metadata.tags.java", "true", "true"), new SearchRows.Row("metadata.tags.grpc", "true", "true"));
    }

    @Test
    void relationsAreIndexedByTypeAndStatusAndEtagAreNot() {
        List<SearchRows.Row> rows = SearchRows.of(entity());

        assertThat(rows).contains(new SearchRows.Row("relations.ownedby", "group:default/team-a", "group:default/team-a"));
        assertThat(rows).noneMatch(r -> r.key().startsWith("status") || r.key().equals("metadata.etag"));
    }

    @Test
    void valueLongerThanTwoHundredCharactersKeepsTheKeyWithoutAValue() {
        assertThat(SearchRows.of(entity())).contains(new SearchRows.Row("metadata.description", null, null));
    }
}
