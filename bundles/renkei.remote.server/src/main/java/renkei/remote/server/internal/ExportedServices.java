// SPDX-License-Identifier: EPL-2.0
package renkei.remote.server.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import renkei.platform.remote.RemoteService;

/**
 * Every registered service whose interface is annotated {@link RemoteService}, by interface name,
 * as domains' components come and go. Remote proxies (property {@code renkei.remote.proxy}) are never
 * exported again. The highest-ranked service of an interface wins, as {@code getService} would pick.
 *
 * <p>Thread-safe.
 */
final class ExportedServices {

    static final String PROXY_PROPERTY = "renkei.remote.proxy";

    /** One exported interface: its class as its own bundle sees it, and the service. */
    record Export(Class<?> type, Object service, ServiceReference<?> reference) {

        /** The method of that name and arity; interfaces of this project do not overload by type. */
        Optional<Method> method(String name, int arity) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == arity
                        && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }

        boolean hasMethod(String name) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, Map<ServiceReference<?>, Export>> byInterface = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Object> tracker;

    ExportedServices(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass=*)(!(" + PROXY_PROPERTY + "=true)))"),
                new ServiceTrackerCustomizer<>() {
                    @Override
                    public Object addingService(ServiceReference<Object> reference) {
                        return add(context, reference);
                    }

                    @Override
                    public void modifiedService(ServiceReference<Object> reference, Object service) {
                        // Ranking changes are read at lookup.
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Object service) {
                        byInterface.values().forEach(exports -> exports.remove(reference));
                        context.ungetService(reference);
                    }
                });
    }

    void open() {
        tracker.open(true);
    }

    void close() {
        tracker.close();
    }

    private Object add(BundleContext context, ServiceReference<Object> reference) {
        String[] names = (String[]) reference.getProperty(Constants.OBJECTCLASS);
        Object service = null;
        for (String name : names) {
            Class<?> type = remoteInterface(reference, name);
            if (type == null) {
                continue;
            }
            if (service == null) {
                service = context.getService(reference);
                if (service == null) {
                    return null;
                }
            }
            if (type.isInstance(service)) {
                byInterface.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(reference, new Export(type, service, reference));
            }
        }
        // Tracking only what is exported keeps every other service un-got.
        return service;
    }

    private static Class<?> remoteInterface(ServiceReference<?> reference, String name) {
        try {
            Class<?> type = reference.getBundle().loadClass(name);
            return type.isInterface() && type.isAnnotationPresent(RemoteService.class) ? type : null;
        } catch (ClassNotFoundException | NoClassDefFoundError | IllegalStateException e) {
            return null;
        }
    }

    Optional<Export> find(String interfaceName) {
        Map<ServiceReference<?>, Export> exports = byInterface.get(interfaceName);
        if (exports == null || exports.isEmpty()) {
            return Optional.empty();
        }
        // ServiceReference orders by ranking, then by age: the greatest is what getService would pick.
        return exports.entrySet().stream().max(Map.Entry.comparingByKey(ExportedServices::compare)).map(Map.Entry::getValue);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(ServiceReference<?> a, ServiceReference<?> b) {
        return ((ServiceReference) a).compareTo(b);
    }

    List<String> names() {
        Map<String, Boolean> sorted = new TreeMap<>();
        byInterface.forEach((name, exports) -> {
            if (!exports.isEmpty()) {
                sorted.put(name, true);
            }
        });
        return List.copyOf(sorted.keySet());
    }

    /** The exported service of an interface this bundle can name, for the endpoint's own pages. */
    <T> Optional<T> local(Class<T> type) {
        return find(type.getName()).map(Export::service).filter(type::isInstance).map(type::cast);
    }
}
