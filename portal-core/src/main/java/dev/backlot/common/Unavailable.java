package dev.backlot.common;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stands in for a service whose engine could not start, so that callers get a service that is
 * never {@code null}: every call throws {@link ServiceUnavailableException} with the reason
 * ({@code toString}, {@code equals} and {@code hashCode} answer as for any object).
 *
 * <pre>{@code
 * CatalogService catalog = Unavailable.of(CatalogService.class, "the catalog", "the database is down");
 * catalog.entities(query);   // throws ServiceUnavailableException: The catalog is unavailable: the database is down
 * Unavailable.is(catalog);   // true
 * }</pre>
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** A {@code type} whose every call fails with the reason. */
    public static <T> T of(Class<T> type, String service, String reason) {
        InvocationHandler handler = new Refusal(service, reason);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Whether {@code service} is such a stand-in. */
    public static boolean is(Object service) {
        return service != null && Proxy.isProxyClass(service.getClass())
                && Proxy.getInvocationHandler(service) instanceof Refusal;
    }

    /** The stand-in's message, or {@code null} for a real service. */
    public static String reason(Object service) {
        return is(service) ? ((Refusal) Proxy.getInvocationHandler(service)).failure().getMessage() : null;
    }

    private record Refusal(String service, String reason) implements InvocationHandler {
        ServiceUnavailableException failure() {
            return new ServiceUnavailableException(service, reason);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "Unavailable[" + failure().getMessage() + "]";
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                default:
                    break;
            }
            throw failure();
        }
    }
}
