package dev.backlot.example.hello;

import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A template action, {@code example:hello}, that greets someone.
 *
 * <p>This is the whole pattern of a Backlot plugin: implement an interface from
 * {@code dev.backlot.spi.*} and register it as an OSGi service. Declarative Services'
 * {@code @Component} does the registering; bnd writes the manifest and the component XML at build
 * time. The portal finds the service on the whiteboard as soon as the bundle starts, and forgets
 * it as soon as the bundle stops.
 *
 * <p>Input: {@code name} (optional, default {@code world}). Output: {@code greeting}. The greeting
 * names the bundle version that produced it, so an update is visible at once.
 */
@Component(service = ScaffolderAction.class)
public class HelloAction implements ScaffolderAction {

    private String version = "unknown";

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
    }

    @Override
    public String id() {
        return "example:hello";
    }

    @Override
    public String description() {
        return "Greets someone; shows how a plugin contributes a template action";
    }

    @Override
    public void execute(ActionContext context) {
        Object name = context.input().getOrDefault("name", "world");
        String greeting = "Hello, " + name + "! (example-hello " + version + ")";
        context.log(greeting);
        context.output("greeting", greeting);
    }
}
