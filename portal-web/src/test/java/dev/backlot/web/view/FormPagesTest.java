package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormPagesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aNestedObjectBecomesAGroupOfItsFieldsLabelledWithItsTitle() throws Exception {
        List<FormPages.Page> pages = FormPages.read(YAML.readValue("""
                - title: Location
                  properties:
                    dryRun: {type: boolean, title: Dry run}
                    railsArguments:
                      title: Rails arguments
                      description: passed to rails new
                      type: object
                      properties:
                        minimal: {type: boolean, title: minimal}
                        template: {type: string, title: template, default: ./rails-template-file.rb}
                """, List.class));

        List<FormField> fields = pages.get(0).fields();
        assertThat(fields).extracting(FormField::getName).containsExactly("dryRun", "railsArguments");
        FormField group = fields.get(1);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.getDescription()).isEqualTo("passed to rails new");
        assertThat(group.getChildren()).extracting(FormField::getName).containsExactly("railsArguments/minimal", "railsArguments/template");
        assertThat(group.getChildren()).extracting(FormField::getLabel).containsExactly("Rails arguments \u203a minimal",
                "Rails arguments \u203a template");
        assertThat(group.getChildren().get(0).getId()).isEqualTo("f_railsArguments-minimal");
        assertThat(group.getChildren().get(1).getDefaultValue()).isEqualTo("./rails-template-file.rb");
        assertThat(fields.get(0).getDefaultValue()).as("a checkbox without default is unticked").isEqualTo(false);
    }

    @Test
    void conditionalPropertiesAreFieldsOnceAndTheFieldsTheyReadAreControlling() throws Exception {
        List<FormPages.Page> pages = FormPages.read(YAML.readValue("""
                properties:
                  name: {type: string}
                  database: {type: string, enum: [postgres, none]}
                  docs: {type: boolean}
                dependencies:
                  database:
                    oneOf:
                      - properties: {database: {enum: [postgres]}, host: {type: string}}
                      - properties: {database: {enum: [none]}}
                allOf:
                  - if: {properties: {docs: {const: true}}}
                    then: {properties: {docsPath: {type: string}, host: {type: string}}}
                """, java.util.Map.class));

        List<FormField> fields = pages.get(0).fields();
        assertThat(fields).extracting(FormField::getName).containsExactly("name", "database", "docs", "docsPath", "host");
        assertThat(fields).filteredOn(FormField::isControlling).extracting(FormField::getName).containsExactly("database", "docs");
    }

    @Test
    void alternativesGetASelectorAfterTheSharedFieldsThatNeverReachesTheTemplate() throws Exception {
        List<FormPages.Page> pages = FormPages.read(YAML.readValue("""
                - title: one
                - title: two
                  properties:
                    name: {type: string}
                  oneOf:
                    - title: From a URL
                      properties: {url: {type: string}}
                    - properties: {path: {type: string}}
                """, List.class));

        List<FormField> fields = pages.get(1).fields();
        assertThat(fields).extracting(FormField::getName).containsExactly("name", "~alt1", "url", "path");
        FormField selector = fields.get(1);
        assertThat(selector.isSelector()).isTrue();
        assertThat(selector.isControlling()).isTrue();
        assertThat(selector.getKind()).isEqualTo("radio");
        assertThat(selector.getChoices()).extracting(FormField.Choice::label).containsExactly("From a URL", "Option 2");
        assertThat(selector.getId()).matches("[A-Za-z_][A-Za-z0-9_-]*");
    }
}
