package dev.backlot.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.web.view.OpenApiOperations.Operation;
import org.junit.jupiter.api.Test;

class OpenApiOperationsTest {

    @Test
    void listsMethodPathAndSummaryInDefinitionOrder() {
        String yaml = """
                openapi: 3.0.3
                paths:
                  /payments:
                    parameters: []
                    post:
                      summary: Create a payment
                  /payments/{id}:
                    get:
                      operationId: getPayment
                    delete: {}
                """;

        assertThat(OpenApiOperations.parse(yaml)).containsExactly(
                new Operation("POST", "/payments", "Create a payment"),
                new Operation("GET", "/payments/{id}", "getPayment"),
                new Operation("DELETE", "/payments/{id}", ""));
    }

    @Test
    void readsJsonToo() {
        assertThat(OpenApiOperations.parse("{\"paths\":{\"/a\":{\"put\":{\"summary\":\"Put\"}}}}"))
                .containsExactly(new Operation("PUT", "/a", "Put"));
    }

    @Test
    void somethingElseGivesNoOperations() {
        assertThat(OpenApiOperations.parse("syntax = \"proto3\";\nservice X {")).isEmpty();
        assertThat(OpenApiOperations.parse("openapi: 3.0.0")).isEmpty();
        assertThat(OpenApiOperations.parse(null)).isEmpty();
        assertThat(OpenApiOperations.parse(": : :\n\t[")).isEmpty();
    }
}
