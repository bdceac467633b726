/**
 * A search collator a platform team would write: every operation of every API entity's
 * definition (OpenAPI paths and methods, AsyncAPI channels and operations) becomes a document of
 * type {@code api-operation}, so that searching {@code GET /payments/{id}}, an operationId or an
 * event name finds the API that has it. The documents link to the API entity's page.
 */
package dev.backlot.search.apiops;
