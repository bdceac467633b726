package dev.backlot.catalog.internal;

import dev.backlot.model.Entity;
import java.util.Map;

/** Between the stored JSON and the model's {@link Entity}: the catalog's one parse of a stored entity. */
final class ModelEntities {

    private ModelEntities() {
    }

    /** A stored entity (stitched JSON) as a model entity, relations and status included. */
    static Entity fromJson(String json) {
        return Entity.fromTree(Json.read(json));
    }

    /** A JSON-like tree in Backstage's shape as a model entity. */
    static Entity of(Map<String, Object> tree) {
        return Entity.fromTree(tree);
    }

    /** A model entity as a JSON-like tree. */
    static Map<String, Object> tree(Entity entity) {
        return entity.toTree();
    }
}
