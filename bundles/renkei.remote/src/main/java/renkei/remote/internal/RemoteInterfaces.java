// SPDX-License-Identifier: EPL-2.0
package renkei.remote.internal;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

import renkei.platform.remote.RemoteService;

/**
 * Finds the interface the server names ({@code renkei.ca.core.CaService}) in the bundle that
 * exports its package, so the proxy implements the very class its consumers are wired to. Only an
 * interface annotated {@link RemoteService} qualifies: the server's list cannot make the client
 * load or proxy anything else.
 *
 * <p>Thread-safe.
 */
final class RemoteInterfaces {

    private final BundleContext context;

    RemoteInterfaces(BundleContext context) {
        this.context = context;
    }

    /** The interface, or empty when no resolved bundle exports it or it is not a remote service. */
    Optional<Class<?>> find(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String packageName = name.substring(0, dot);
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null || !exports(wiring, packageName)) {
                continue;
            }
            Optional<Class<?>> found = load(wiring, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean exports(BundleWiring wiring, String packageName) {
        for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            Map<String, Object> attributes = capability.getAttributes();
            if (packageName.equals(attributes.get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Class<?>> load(BundleWiring wiring, String name) {
        ClassLoader loader = wiring.getClassLoader();
        if (loader == null) {
            return Optional.empty();
        }
        try {
            Class<?> type = loader.loadClass(name);
            return qualifies(type) ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    static boolean qualifies(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(RemoteService.class);
    }
}
