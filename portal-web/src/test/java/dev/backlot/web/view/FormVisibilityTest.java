package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backlot.scaffolder.internal.SchemaValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which fields show and which are required, for schemas written as templates write them; the
 * {@code if} and {@code oneOf} checks go through the portal's real JSON Schema validator.
 */
class FormVisibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final FormConditions.SchemaCheck CHECK = (schema, data) -> SchemaValidation.validate(schema, data).isEmpty();

    @Test
    void aPropertyDependencyMakesItsPropertiesRequiredOnlyOnceItsKeyHasAValue() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  creditCard: {type: string}
                  billingAddress: {type: string}
                dependencies:
                  creditCard: [billingAddress]
                """);

        FormVisibility.Result without = FormVisibility.of(List.of(page), Map.of(), CHECK);
        FormVisibility.Result with = FormVisibility.of(List.of(page), Map.of("creditCard", "4111"), CHECK);

        assertThat(without.shown()).containsExactlyInAnyOrder("creditCard", "billingAddress");
        assertThat(without.required()).isEmpty();
        assertThat(with.required()).containsExactly("billingAddress");
    }

    @Test
    void aSchemaDependencyShowsItsFieldsOnlyWhileItsKeyHasAValue() throws Exception {
        Map<String, Object> page = yaml("""
                required: [name]
                properties:
                  name: {type: string}
                  useDatabase: {type: string}
                dependencies:
                  useDatabase:
                    required: [databaseName]
                    properties:
                      databaseName: {type: string}
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of("name", "x"), CHECK).shown()).containsExactlyInAnyOrder("name", "useDatabase");
        FormVisibility.Result with = FormVisibility.of(List.of(page), Map.of("useDatabase", "postgres"), CHECK);
        assertThat(with.shown()).containsExactlyInAnyOrder("name", "useDatabase", "databaseName");
        assertThat(with.required()).containsExactlyInAnyOrder("name", "databaseName");
    }

    @Test
    void aOneOfDependencyShowsTheFieldsOfTheBranchTheValueChoosesAndSwitchesWithIt() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  database: {type: string, enum: [postgres, sqlite, none]}
                dependencies:
                  database:
                    oneOf:
                      - properties:
                          database: {enum: [postgres]}
                          host: {type: string}
                          port: {type: integer}
                        required: [host]
                      - properties:
                          database: {enum: [sqlite]}
                          file: {type: string}
                      - properties:
                          database: {enum: [none]}
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of(), CHECK).shown()).containsExactly("database");
        FormVisibility.Result postgres = FormVisibility.of(List.of(page), Map.of("database", "postgres"), CHECK);
        assertThat(postgres.shown()).containsExactlyInAnyOrder("database", "host", "port");
        assertThat(postgres.required()).containsExactly("host");
        assertThat(FormVisibility.of(List.of(page), Map.of("database", "sqlite", "host", "left over"), CHECK).shown())
                .containsExactlyInAnyOrder("database", "file");
        assertThat(FormVisibility.of(List.of(page), Map.of("database", "none"), CHECK).shown()).containsExactly("database");
    }

    @Test
    void anAllOfIfThenShowsItsThenFieldsOnlyWhileTheIfHolds() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  createDocs: {type: boolean}
                  kind: {type: string, enum: [service, library, website]}
                allOf:
                  - if:
                      properties:
                        createDocs: {const: true}
                    then:
                      properties:
                        docsPath: {type: string}
                      required: [docsPath]
                  - if:
                      properties:
                        kind: {enum: [service, website]}
                      required: [kind]
                    then:
                      properties:
                        port: {type: integer}
                    else:
                      properties:
                        packageName: {type: string}
                """);

        FormVisibility.Result off = FormVisibility.of(List.of(page), Map.of("createDocs", false), CHECK);
        assertThat(off.shown()).containsExactlyInAnyOrder("createDocs", "kind", "packageName");
        FormVisibility.Result on = FormVisibility.of(List.of(page), Map.of("createDocs", true, "kind", "website"), CHECK);
        assertThat(on.shown()).containsExactlyInAnyOrder("createDocs", "kind", "docsPath", "port");
        assertThat(on.required()).containsExactly("docsPath");
        assertThat(FormVisibility.of(List.of(page), Map.of("createDocs", false, "kind", "library"), CHECK).shown())
                .containsExactlyInAnyOrder("createDocs", "kind", "packageName");
    }

    @Test
    void anIfOnPropertiesAloneHoldsWhileThePropertyHasNoValueAsInJsonSchema() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  kind: {type: string, enum: [a, b]}
                if: {properties: {kind: {const: a}}}
                then: {properties: {forA: {type: string}}}
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of(), CHECK).shown()).contains("forA");
        assertThat(FormVisibility.of(List.of(page), Map.of("kind", "b"), CHECK).shown()).doesNotContain("forA");
    }

    @Test
    void conditionsInsideANestedObjectReadThatObjectsValuesAndNameFieldsByPath() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  kind: {type: string}
                  deploy:
                    type: object
                    properties:
                      target: {type: string, enum: [kubernetes, vm]}
                    dependencies:
                      target:
                        oneOf:
                          - properties:
                              target: {const: kubernetes}
                              namespace: {type: string}
                            required: [namespace]
                          - properties:
                              target: {const: vm}
                              hostname: {type: string}
                """);

        FormVisibility.Result result = FormVisibility.of(List.of(page),
                Map.of("kind", "kubernetes", "deploy", Map.of("target", "kubernetes")), CHECK);

        assertThat(result.shown()).containsExactlyInAnyOrder("kind", "deploy", "deploy/target", "deploy/namespace");
        assertThat(result.required()).containsExactly("deploy/namespace");
    }

    @Test
    void aFieldShownOnlyBecauseOfAHiddenFieldsValueHidesToo() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  advanced: {type: boolean}
                allOf:
                  - if: {properties: {advanced: {const: true}}, required: [advanced]}
                    then: {properties: {cache: {type: string}}}
                dependencies:
                  cache:
                    properties:
                      cacheSize: {type: integer}
                """);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("advanced", false);
        values.put("cache", "redis"); // typed while advanced was on

        FormVisibility.Result result = FormVisibility.of(List.of(page), values, CHECK);

        assertThat(result.shown()).containsExactly("advanced");
        assertThat(FormVisibility.shownValues(values, result.shown())).isEqualTo(Map.of("advanced", false));
    }

    @Test
    void topLevelAlternativesShowTheChosenOnesFieldsAndTheirSelector() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  name: {type: string}
                oneOf:
                  - title: From a URL
                    properties: {url: {type: string}}
                    required: [url]
                  - title: From a path
                    properties: {path: {type: string}}
                    required: [path]
                """);

        FormVisibility.Result first = FormVisibility.of(List.of(page), Map.of(), CHECK);
        FormVisibility.Result second = FormVisibility.of(List.of(page), Map.of("url", "left over"), Map.of("~alt0", 1), CHECK);

        assertThat(first.shown()).containsExactlyInAnyOrder("name", "~alt0", "url");
        assertThat(first.required()).containsExactly("url");
        assertThat(second.shown()).containsExactlyInAnyOrder("name", "~alt0", "path");
        assertThat(second.required()).containsExactly("path");
    }

    @Test
    void withoutAChoiceTheFirstAlternativeTheValuesFitShows() throws Exception {
        Map<String, Object> page = yaml("""
                anyOf:
                  - properties: {url: {type: string}}
                    required: [url]
                  - properties: {path: {type: string}}
                    required: [path]
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of("path", "/x"), CHECK).shown()).containsExactlyInAnyOrder("~alt0", "path");
        assertThat(FormVisibility.of(List.of(page), Map.of("path", "/x"), Map.of("~alt0", 7), CHECK).shown())
                .as("an index no alternative has counts as no choice").containsExactlyInAnyOrder("~alt0", "path");
    }

    @Test
    void aPageLevelTemplateExpressionIfIsNotReadAsASchema() throws Exception {
        Map<String, Object> page = yaml("""
                if: ${{ parameters.cloudProvider === 'AWS' }}
                required: [awsRegion]
                properties:
                  awsRegion: {type: string}
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of(), CHECK).required()).containsExactly("awsRegion");
    }

    @Test
    void malformedConditionsAreSkippedNotFatal() throws Exception {
        Map<String, Object> page = yaml("""
                required: oops
                properties:
                  name: {type: string}
                  broken: 5
                dependencies: {name: 5, other: [1, 2]}
                allOf: not-a-list
                if: 7
                then: {properties: {never: {type: string}}}
                """);

        FormVisibility.Result result = FormVisibility.of(List.of(page), Map.of("name", "x"), CHECK);

        assertThat(result.shown()).containsExactly("name");
        assertThat(result.required()).isEmpty();
    }

    @Test
    void anIfThatIsNotAValidSchemaDoesNotHold() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  name: {type: string}
                allOf:
                  - if: {properties: {name: {type: no-such-type}}}
                    then: {properties: {extra: {type: string}}}
                """);

        assertThat(FormVisibility.of(List.of(page), Map.of("name", "x"), CHECK).shown()).containsExactly("name");
    }

    @Test
    void propertyNamesWithDotsAndSlashesStayOneNameInPathsAndValues() throws Exception {
        Map<String, Object> page = yaml("""
                properties:
                  "a.b": {type: string}
                  "c/d":
                    type: object
                    properties:
                      e: {type: string}
                """);
        Map<String, Object> values = Map.of("a.b", "1", "c/d", Map.of("e", "2"), "a", Map.of("b", "stray"));

        FormVisibility.Result result = FormVisibility.of(List.of(page), values, CHECK);

        assertThat(result.shown()).containsExactlyInAnyOrder("a.b", "c~1d", "c~1d/e");
        assertThat(FormVisibility.shownValues(values, result.shown())).isEqualTo(Map.of("a.b", "1", "c/d", Map.of("e", "2")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) throws Exception {
        return YAML.readValue(text, Map.class);
    }
}
