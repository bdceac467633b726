package dev.backlot.spi.scaffolder;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What a running {@link ScaffolderAction} gets from the portal. Implemented by the portal. */
@ProviderType
public interface ActionContext {

    /** The step's {@code input}, templating already applied: JSON-like values. */
    Map<String, Object> input();

    /** Appends a line to the task's log, visible to the user. */
    void log(String line);

    /** Sets an output of the step, readable by later steps as {@code steps.<id>.output.<name>}. */
    void output(String name, Object value);
}
