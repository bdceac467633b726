package dev.backlot.search.apiops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.model.Entity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void openApiYamlGivesOneOperationPerPathAndMethod() {
        var ops = Operation.of("""
                openapi: 3.0.0
                info: {title: Payments, version: 1.0.0}
                paths:
                  /payments:
                    post:
                      operationId: createPayment
                      summary: Take a payment
                      responses:
                        '201':
                          description: Created
                  "/payments/{id}":
                    parameters:
                      - name: id
                        in: path
                    get:
                      operationId: getPayment
                      description: |
                        Looks up one payment
                        by its id.
                """);
        assertThat(ops).extracting(Operation::title).containsExactly("POST /payments", "GET /payments/{id}");
        assertThat(ops.get(1).summary()).contains("Looks up one payment");
        assertThat(ops.get(0).id()).isEqualTo("createPayment");
    }

    @Test
    void openApiJsonIsReadToo() {
        var ops = Operation.of("{\"swagger\":\"2.0\",\"paths\":{\"/refunds/{id}\":{\"delete\":{\"summary\":\"Cancel\"}}}}");
        assertThat(ops).extracting(Operation::title).containsExactly("DELETE /refunds/{id}");
    }

    @Test
    void asyncApiChannelsGiveTheirOperations() {
        var ops = Operation.of("""
                asyncapi: 2.6.0
                channels:
                  payment.created:
                    subscribe:
                      operationId: onPaymentCreated
                      message:
                        name: PaymentCreated
                """);
        assertThat(ops).extracting(Operation::title).containsExactly("SUBSCRIBE payment.created");
        assertThat(ops.get(0).summary()).contains("PaymentCreated");
    }

    @Test
    void garbageGivesNothingAndNeverThrows() {
        assertThat(Operation.of("::: - [ {")).isEmpty();
        assertThat(Operation.of("paths: [1, 2]")).isEmpty();
        assertThat(Operation.of("{".repeat(100))).isEmpty();
    }

    @Test
    void documentsLinkToTheApiEntityWithAnIdPerOperation() {
        Entity api = new Entity("backstage.io/v1alpha1", "API", Map.of("name", "payments-api", "namespace", "default"),
                Map.of("type", "openapi", "owner", "payments", "definition", "paths:\n  /payments/{id}:\n    get: {}\n"), null);
        var docs = ApiOperationsCollator.documents(api).toList();
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).location()).isEqualTo("/catalog/default/api/payments-api");
        assertThat(docs.get(0).id()).isEqualTo("api:default/payments-api GET /payments/{id}");
        assertThat(docs.get(0).fields()).containsEntry("owner", "payments").containsEntry("method", "GET");
    }
}
