// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

import renkei.platform.Database;
import renkei.platform.RenkeiHome;
import renkei.platform.remote.RemoteService;
import renkei.platform.remote.ServerConnection;
import renkei.platform.remote.TlsFiles;

/**
 * Looks up platform services for the headless applications, waiting while Declarative Services
 * activates them, and explains which component is stuck when one never appears. In a connected
 * home ({@code server.url} set) it does not wait a minute for a server that is down: once the
 * {@link ServerConnection} reports an error and the service is still missing after a few seconds,
 * it fails with that error.
 */
final class Services {

    private static final long WAIT_SECONDS = 60;
    private static final long SLICE_MILLIS = 250;
    /** How long a connected home waits before believing the connection's error. */
    private static final long UNREACHABLE_AFTER_MILLIS = 5_000;
    /** How long a connected home waits for a service the server does not provide before giving up. */
    private static final long LOCAL_ONLY_AFTER_MILLIS = 15_000;
    /** Interfaces only a database of this process provides; absent by design in a connected home. */
    private static final Set<String> DATABASE_INTERFACES = Set.of(Database.class.getName(), "javax.sql.DataSource");

    private final BundleContext context;
    private final Optional<String> serverUrl;

    Services() {
        this.context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        this.serverUrl = serverUrlOf(RenkeiHome.fromEnvironment());
    }

    private static Optional<String> serverUrlOf(RenkeiHome home) {
        try {
            String url = home.loadConfig().getProperty(TlsFiles.SERVER_URL);
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The server of a connected home; empty in an embedded home. */
    Optional<String> serverUrl() {
        return serverUrl;
    }

    <T> T require(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        long start = System.nanoTime();
        try {
            while (true) {
                T service = tracker.waitForService(SLICE_MILLIS);
                if (service != null) {
                    return service;
                }
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (serverUrl.isPresent()) {
                    failFastWhenConnected(type, waited);
                }
                if (waited >= TimeUnit.SECONDS.toMillis(WAIT_SECONDS)) {
                    throw new IllegalStateException("Service " + type.getName() + " did not start within " + WAIT_SECONDS
                            + " s. " + String.join("; ", problems()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    /** In a connected home: a server that cannot be reached, or a service it does not provide. */
    private void failFastWhenConnected(Class<?> type, long waited) {
        if (waited < UNREACHABLE_AFTER_MILLIS) {
            return;
        }
        String url = serverUrl.orElseThrow();
        ServiceReference<ServerConnection> reference = context.getServiceReference(ServerConnection.class);
        ServerConnection connection = reference == null ? null : context.getService(reference);
        if (connection != null && !connection.connected() && connection.lastError().isPresent()) {
            String error = connection.lastError().get();
            String prefix = "server " + url + " unreachable: ";
            throw new IllegalStateException(prefix + (error.startsWith(prefix) ? error.substring(prefix.length()) : error));
        }
        if (connection != null && connection.connected() && type.isAnnotationPresent(RemoteService.class)) {
            throw new IllegalStateException("server " + url + " does not provide " + type.getName());
        }
        if (waited >= LOCAL_ONLY_AFTER_MILLIS && !type.isAnnotationPresent(RemoteService.class)) {
            throw new IllegalStateException(type.getName() + " is not available in a connected home (server.url=" + url
                    + "); it runs on the server");
        }
    }

    <T> List<T> all(Class<T> type) {
        try {
            Collection<ServiceReference<T>> references = context.getServiceReferences(type, null);
            List<T> services = new ArrayList<>();
            for (ServiceReference<T> reference : references) {
                T service = context.getService(reference);
                if (service != null) {
                    services.add(service);
                }
            }
            return services;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Components that are not active or satisfied, each with the reason DS gives. In a connected
     * home the components that need this process's database (directly or through another such
     * component) are expected to be unsatisfied and are not problems: they run on the server.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            problems.add("Declarative Services (org.apache.felix.scr) is not running");
            return problems;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        Set<String> serverSide = serverSide(scr);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description) || serverSide.contains(description.name)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state == ComponentConfigurationDTO.ACTIVE
                        || configuration.state == ComponentConfigurationDTO.SATISFIED) {
                    continue;
                }
                StringBuilder text = new StringBuilder(description.name).append(" (").append(description.bundle.symbolicName)
                        .append("): ").append(stateName(configuration.state));
                for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
                    text.append(" missing ").append(unsatisfied.name).append(" ").append(unsatisfied.target == null ? "" : unsatisfied.target);
                }
                if (configuration.failure != null) {
                    text.append(" failure: ").append(configuration.failure.lines().findFirst().orElse(""));
                }
                problems.add(text.toString());
            }
            if (configurations.isEmpty()) {
                problems.add(description.name + " (" + description.bundle.symbolicName + "): no configuration");
            }
        }
        return problems;
    }

    /**
     * Names of the components that wait for a database in a connected home: unsatisfied only for
     * want of {@link Database}, {@code DataSource} or a service of another such component. Empty in
     * an embedded home, where such a component is a real problem.
     */
    private Set<String> serverSide(ServiceComponentRuntime scr) {
        Set<String> names = new HashSet<>();
        if (serverUrl.isEmpty()) {
            return names;
        }
        Set<String> missingInterfaces = new HashSet<>(DATABASE_INTERFACES);
        Map<ComponentDescriptionDTO, List<String>> waiting = new HashMap<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> interfaces = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
                        for (ReferenceDTO declared : description.references) {
                            if (declared.name.equals(unsatisfied.name)) {
                                interfaces.add(declared.interfaceName);
                            }
                        }
                    }
                    waiting.put(description, interfaces);
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<ComponentDescriptionDTO, List<String>> entry : waiting.entrySet()) {
                ComponentDescriptionDTO description = entry.getKey();
                if (!names.contains(description.name) && !entry.getValue().isEmpty()
                        && missingInterfaces.containsAll(entry.getValue())) {
                    names.add(description.name);
                    missingInterfaces.addAll(List.of(description.serviceInterfaces));
                    grew = true;
                }
            }
        }
        return names;
    }

    /**
     * Every component with its state, for {@code renkei diag components}; in a connected home a
     * component that needs the database is marked {@code (server-side)}.
     */
    List<String> components() {
        List<String> lines = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return lines;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        Set<String> serverSide = serverSide(scr);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                lines.add(String.format("%-12s %-60s %s%s", stateName(configuration.state), description.name,
                        description.bundle.symbolicName, serverSide.contains(description.name) ? " (server-side)" : ""));
            }
        }
        lines.sort(String::compareTo);
        return lines;
    }

    static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNCONFIGURED";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED";
            default -> "STATE-" + state;
        };
    }
}
