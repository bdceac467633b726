package dev.backlot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.catalog.EntityPredicate.All;
import dev.backlot.catalog.EntityPredicate.Any;
import dev.backlot.catalog.EntityPredicate.Contains;
import dev.backlot.catalog.EntityPredicate.Equals;
import dev.backlot.catalog.EntityPredicate.Exists;
import dev.backlot.catalog.EntityPredicate.Field;
import dev.backlot.catalog.EntityPredicate.HasPrefix;
import dev.backlot.catalog.EntityPredicate.In;
import dev.backlot.catalog.EntityPredicate.Not;
import dev.backlot.catalog.EntityPredicate.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Backstage's predicate language: every operator, and a precise message for every mistake. */
class EntityPredicateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EntityPredicate parse(String json) throws Exception {
        return EntityPredicate.parse(JSON.readValue(json, Object.class));
    }

    private static void refused(String json, String... words) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(IllegalArgumentException.class)
                .message().contains(words);
    }

    @Test
    void plainValuesAreCaseInsensitiveEqualityAndSeveralKeysMustAllHold() throws Exception {
        assertThat(parse("{\"Kind\": \"Component\", \"spec.replicas\": 3, \"spec.public\": true}")).isEqualTo(new All(List.of(
                new Field("kind", new Equals("Component")), new Field("spec.replicas", new Equals("3")),
                new Field("spec.public", new Equals("true")))));
        assertThat(parse("{\"spec.type\": \"service\"}")).isEqualTo(new Field("spec.type", new Equals("service")));
    }

    @Test
    void numbersAreComparedAsJavaScriptPrintsThem() throws Exception {
        assertThat(parse("{\"a\": 7.0}")).isEqualTo(new Field("a", new Equals("7")));
        assertThat(parse("{\"a\": 7.50}")).isEqualTo(new Field("a", new Equals("7.5")));
        assertThat(parse("{\"a\": -0.0}")).isEqualTo(new Field("a", new Equals("0")));
        assertThat(parse("{\"a\": 12345678901234}")).isEqualTo(new Field("a", new Equals("12345678901234")));
    }

    @Test
    void emptyObjectAndNullMatchEverything() throws Exception {
        assertThat(parse("{}")).isEqualTo(EntityPredicate.ALL);
        assertThat(EntityPredicate.parse(null)).isEqualTo(EntityPredicate.ALL);
    }

    @Test
    void valueOperatorsAreRead() throws Exception {
        assertThat(parse("{\"spec.owner\": {\"$exists\": false}}")).isEqualTo(new Field("spec.owner", new Exists(false)));
        assertThat(parse("{\"spec.type\": {\"$in\": [\"service\", 1, false]}}"))
                .isEqualTo(new Field("spec.type", new In(List.of("service", "1", "false"))));
        assertThat(parse("{\"metadata.name\": {\"$hasPrefix\": \"Pay\"}}"))
                .isEqualTo(new Field("metadata.name", new HasPrefix("Pay")));
        assertThat(parse("{\"metadata.tags\": {\"$contains\": \"java\"}}"))
                .isEqualTo(new Field("metadata.tags", new Contains(new Value("java"))));
        assertThat(parse("{\"metadata.tags\": {\"$contains\": {\"$any\": [\"java\", \"go\"]}}}"))
                .isEqualTo(new Field("metadata.tags", new Contains(new Any(List.of(new Value("java"), new Value("go"))))));
        assertThat(parse("{\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"targetRef\": \"group:default/a\"}}}"))
                .isEqualTo(new Field("relations", new Contains(new All(List.of(new Field("type", new Equals("ownedBy")),
                        new Field("targetref", new Equals("group:default/a")))))));
    }

    @Test
    void logicalOperatorsNest() throws Exception {
        assertThat(parse("{\"$all\": [{\"kind\": \"api\"}, {\"$any\": [{\"spec.type\": \"grpc\"}, {\"$not\": {\"a\": 1}}]}]}"))
                .isEqualTo(new All(List.of(new Field("kind", new Equals("api")), new Any(List.of(
                        new Field("spec.type", new Equals("grpc")), new Not(new Field("a", new Equals("1"))))))));
        assertThat(parse("{\"$any\": []}")).isEqualTo(new Any(List.of()));
    }

    @Test
    void unknownOperatorsAreNamedWithWhereTheyAre() {
        refused("{\"$all\": [{\"kind\": \"api\"}, {\"spec.type\": {\"$regex\": \"^g\"}}]}",
                "Unknown operator '$regex' at query.$all[1][\"spec.type\"]", "$exists, $in, $hasPrefix and $contains");
        refused("{\"$none\": []}", "Unknown operator '$none' at query:", "$all, $any and $not");
        refused("{\"a\": {\"$contains\": {\"$or\": [\"x\"]}}}", "Unknown operator '$or' at query[\"a\"].$contains");
    }

    @Test
    void malformedPredicatesAreRefusedWithWhatAndWhere() {
        refused("\"component\"", "Invalid query at query: a predicate must be an object");
        refused("[{\"kind\": \"api\"}]", "Invalid query at query: a predicate must be an object", "a list");
        refused("{\"$all\": {\"kind\": \"api\"}}", "Invalid query at query.$all: $all must be a list of predicates");
        refused("{\"$any\": [\"api\"]}", "Invalid query at query.$any[0]: a predicate must be an object", "\"api\"");
        refused("{\"$not\": {\"a\": 1}, \"kind\": \"api\"}", "Invalid query at query: $not must be the only key");
        refused("{\"spec.owner\": null}", "Invalid query at query[\"spec.owner\"]: null equals nothing", "$exists");
        refused("{\"metadata.tags\": [\"java\"]}", "Invalid query at query[\"metadata.tags\"]: a list is not a value", "$in");
        refused("{\"spec\": {\"type\": \"service\"}}", "Invalid query at query[\"spec\"]", "one dot path");
        refused("{\"a\": {\"$in\": [\"x\"], \"$exists\": true}}", "Invalid query at query[\"a\"]", "one of $exists");
        refused("{\"a\": {\"$exists\": \"yes\"}}", "Invalid query at query[\"a\"].$exists: $exists takes true or false");
        refused("{\"a\": {\"$in\": \"x\"}}", "Invalid query at query[\"a\"].$in: $in takes a list");
        refused("{\"a\": {\"$in\": [\"x\", {\"b\": 1}]}}", "Invalid query at query[\"a\"].$in[1]");
        refused("{\"a\": {\"$hasPrefix\": 3}}", "Invalid query at query[\"a\"].$hasPrefix: $hasPrefix takes a string");
        refused("{\"\": \"x\"}", "Invalid query at query: a field path must not be empty");
        refused("{\"a\": {\"$contains\": null}}", "Invalid query at query[\"a\"].$contains: expected a value or a predicate");
    }

    @Test
    void barePrimitivesArePredicatesOnlyInsideContains() {
        refused("{\"$all\": [\"java\"]}", "Invalid query at query.$all[0]");
        refused("{\"$not\": 3}", "Invalid query at query.$not");
    }

    @Test
    void deepOrLargeQueriesAreRefused() {
        String deep = "{\"a\": 1}";
        for (int i = 0; i < 40; i++) {
            deep = "{\"$not\": " + deep + "}";
        }
        refused(deep, "nested deeper than 32 levels");
        StringBuilder wide = new StringBuilder("{\"a\": {\"$in\": [");
        for (int i = 0; i < 1200; i++) {
            wide.append(i == 0 ? "" : ",").append(i);
        }
        refused(wide.append("]}}").toString(), "more than 1000 parts");
    }

    @Test
    void filterBecomesTheEquivalentPredicate() {
        EntityFilter filter = EntityFilter.parse(List.of("kind=component,spec.type=service,spec.type=website",
                "metadata.tags.java"));

        assertThat(EntityPredicate.of(filter)).isEqualTo(new Any(List.of(
                new All(List.of(new Field("kind", new Equals("component")),
                        new Field("spec.type", new In(List.of("service", "website"))))),
                new Field("metadata.tags.java", new Exists(true)))));
        assertThat(EntityPredicate.of(EntityFilter.ALL)).isEqualTo(EntityPredicate.ALL);
    }

    @Test
    void andLeavesOutWhatMatchesEverything() {
        EntityPredicate kind = new Field("kind", new Equals("api"));
        assertThat(EntityPredicate.and(EntityPredicate.ALL, kind)).isSameAs(kind);
        assertThat(EntityPredicate.and(kind, EntityPredicate.ALL)).isSameAs(kind);
        assertThat(EntityPredicate.and(kind, kind)).isEqualTo(new All(List.of(kind, kind)));
    }
}
