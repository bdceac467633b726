package dev.backlot.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A registered root location, read with everything it points to.
 *
 * @param id a UUID
 * @param type {@code file} or {@code url}
 * @param target a path or URL
 */
public record CatalogLocation(String id, String type, String target) {

    /**
     * The reference of the {@code Location} entity that stands for this location in the catalog,
     * {@code location:default/generated-<SHA-1 of type:target>}, as Backstage names it (its API
     * answers it as a location's {@code entityRef}).
     */
    public String entityRef() {
        return "location:default/" + entityName(type, target);
    }

    /** The name of that entity: {@code generated-} and the hex SHA-1 of {@code type:target}. */
    public static String entityName(String type, String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((type + ":" + target).getBytes(StandardCharsets.UTF_8));
            return "generated-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
