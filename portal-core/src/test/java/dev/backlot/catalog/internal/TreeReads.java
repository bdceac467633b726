package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.model.EntityRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's reads as JSON-like trees, the shape the HTTP API serves, for tests that assert on
 * what a client would see (the Java API itself hands out typed entities).
 */
public final class TreeReads {

    private final CatalogService catalog;

    public TreeReads(CatalogService catalog) {
        this.catalog = catalog;
    }

    public Optional<Map<String, Object>> entity(String kind, String namespace, String name) {
        return catalog.json().entity(new EntityRef(kind, namespace, name)).map(Json::read);
    }

    public Optional<Map<String, Object>> entityByUid(String uid) {
        return catalog.json().entityByUid(uid).map(Json::read);
    }

    public List<Map<String, Object>> entities(EntityQuery query) {
        return catalog.json().entities(query).stream().map(Json::read).toList();
    }

    public List<Map<String, Object>> entitiesByRefs(List<String> refs) {
        return entitiesByRefs(refs, EntityPredicate.ALL);
    }

    public List<Map<String, Object>> entitiesByRefs(List<String> refs, EntityPredicate predicate) {
        List<Map<String, Object>> out = new ArrayList<>();
        catalog.json().entitiesByRefs(refs, predicate).forEach(j -> out.add(j == null ? null : Json.read(j)));
        return out;
    }

    /** {@code {rootEntityRef, items: [{entity, parentEntityRefs}]}} as the API serves it. */
    public Optional<Map<String, Object>> ancestry(String kind, String namespace, String name) {
        return catalog.json().ancestry(new EntityRef(kind, namespace, name)).map(a -> {
            List<Map<String, Object>> items = new ArrayList<>();
            a.items().forEach(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("entity", Json.read(i.entityJson()));
                item.put("parentEntityRefs", i.parentEntityRefs());
                items.add(item);
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rootEntityRef", a.rootEntityRef());
            out.put("items", items);
            return out;
        });
    }
}
