package dev.backlot.web.security;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean class (a view of the admin console) whose creation and every method call need the
 * caller to hold the admin role, whatever path the request came by: defence in depth behind the
 * container's constraint on {@code /admin/*}. A call without the role throws
 * {@link AdminRequiredException}, answered 403.
 *
 * <pre>{@code
 * @Named @ViewScoped @AdminOnly
 * public class PluginsView implements Serializable { ... }
 * }</pre>
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminOnly {
}
