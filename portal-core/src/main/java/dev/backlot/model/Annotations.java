package dev.backlot.model;

/**
 * The annotation keys the portal writes or reads, as Backstage names them. One place for each, so
 * that the catalog, the pages and plugins agree.
 */
public final class Annotations {

    /** {@code type:target} of the registered location an entity was read from; set by the catalog. */
    public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";

    /** {@code type:target} of the location that was registered to reach it (the root); set by the catalog. */
    public static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";

    /** {@code "true"} while an entity its source no longer emits waits to be deleted; set by the catalog. */
    public static final String ORPHAN = "backstage.io/orphan";

    /** Where the entity's source code lives, as a location ({@code url:https://...}). */
    public static final String SOURCE_LOCATION = "backstage.io/source-location";

    /** Where the entity's docs are: {@code dir:<path>} relative to its descriptor, or {@code url:<location>}. */
    public static final String TECHDOCS_REF = "backstage.io/techdocs-ref";

    /** A page to view the entity's descriptor. */
    public static final String VIEW_URL = "backstage.io/view-url";

    /** A page to edit the entity's descriptor. */
    public static final String EDIT_URL = "backstage.io/edit-url";

    private Annotations() {
    }
}
