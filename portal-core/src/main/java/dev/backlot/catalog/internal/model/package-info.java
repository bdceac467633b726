/**
 * Backstage's entity model as pure functions over JSON-like trees: the validation rules
 * ({@link dev.backlot.catalog.internal.model.EntityRules}), normalisation
 * ({@link dev.backlot.catalog.internal.model.EntityNormalizer}) and the relations the built-in
 * kinds imply ({@link dev.backlot.catalog.internal.model.BuiltinRelations}).
 *
 * <p>An entity here is a {@code Map<String, Object>} whose values are {@code String},
 * {@code Number}, {@code Boolean}, {@code null}, {@code List<Object>} or {@code Map<String, Object>},
 * exactly as Jackson parses a YAML or JSON document. Nothing in this package does I/O or keeps
 * state; every class is safe to use from any thread.
 *
 * <pre>{@code
 * Map<String, Object> entity = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
 * List<String> problems = EntityRules.validate(entity);
 * if (problems.isEmpty()) {
 *     Map<String, Object> normalized = EntityNormalizer.normalize(entity);
 *     BuiltinRelations.Result relations = BuiltinRelations.relationsOf(normalized);
 * }
 * }</pre>
 */
package dev.backlot.catalog.internal.model;
