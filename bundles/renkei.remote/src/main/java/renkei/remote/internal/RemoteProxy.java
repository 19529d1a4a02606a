// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import renkei.platform.remote.LocalOnly;
import renkei.platform.remote.RemoteService;
import renkei.remote.wire.RemoteCallException;

/**
 * The local stand-in of a {@link RemoteService} interface: every abstract method is a call to the
 * server; {@code toString}, {@code equals} and {@code hashCode} answer locally, default methods run
 * locally over the remote ones, and {@link LocalOnly} methods are refused without a request.
 *
 * <p>Thread-safe.
 */
final class RemoteProxy implements InvocationHandler {

    /** HTTP status the server would answer a local-only method with. */
    static final int FORBIDDEN = 403;

    private final Class<?> service;
    private final RemoteCalls calls;

    private RemoteProxy(Class<?> service, RemoteCalls calls) {
        this.service = service;
        this.calls = calls;
    }

    /** A proxy of {@code service}, defined in the interface's own class loader. */
    static <T> T create(Class<T> service, RemoteCalls calls) {
        if (!service.isInterface() || !service.isAnnotationPresent(RemoteService.class)) {
            throw new IllegalArgumentException(service.getName() + " is not an interface annotated @RemoteService");
        }
        return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] { service },
                new RemoteProxy(service, calls)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "remote " + service.getName() + " at " + calls.serverUrl();
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        LocalOnly localOnly = method.getAnnotation(LocalOnly.class);
        if (localOnly != null) {
            throw new RemoteCallException(FORBIDDEN, service.getSimpleName() + "." + method.getName()
                    + " runs only in the server's own process" + (localOnly.value().isEmpty() ? "" : " (" + localOnly.value() + ")")
                    + "; a connected console or CLI cannot call it");
        }
        return calls.call(service, method, args);
    }
}
