package dev.backlot.spi.catalog;

import dev.backlot.model.Entity;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A step of catalog processing, implemented by plugin bundles.
 *
 * <p><b>When called:</b> once per entity per processing run, in order of {@code service.ranking}
 * (highest first), after the built-in processors have validated the entity.
 *
 * <p><b>Outcomes:</b> return the entity unchanged, or a new enriched entity; report problems
 * through {@link ProcessingContext#error(String)}. An exception, or a call that exceeds the host's
 * time limit, becomes an error on that entity; processing of other entities continues.
 *
 * <p><b>Threading:</b> may be called from several processing threads at once; implementations keep
 * no per-entity state in fields.
 */
@ConsumerType
public interface EntityProcessor {

    /**
     * Processes one entity.
     *
     * @param entity the entity as processed so far
     * @param context the location it came from and a sink for errors
     * @return the entity to hand to the next processor, never {@code null}
     * @throws Exception any failure; it is recorded against the entity
     */
    Entity process(Entity entity, ProcessingContext context) throws Exception;

    /** A short name shown in errors and in the admin console; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
