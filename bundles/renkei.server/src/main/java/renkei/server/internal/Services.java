// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks up platform services for the headless applications, waiting while Declarative Services
 * activates them, and explains which component is stuck when one never appears.
 */
final class Services {

    private static final long WAIT_SECONDS = 60;

    private final BundleContext context;

    Services() {
        this.context = FrameworkUtil.getBundle(Services.class).getBundleContext();
    }

    <T> T require(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (service == null) {
                throw new IllegalStateException("Service " + type.getName() + " did not start within " + WAIT_SECONDS
                        + " s. " + String.join("; ", problems()));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + type.getName(), e);
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

    /** Components that are not active or satisfied, each with the reason DS gives. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            problems.add("Declarative Services (org.apache.felix.scr) is not running");
            return problems;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
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

    /** Every component with its state, for {@code renkei diag components}. */
    List<String> components() {
        List<String> lines = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return lines;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                lines.add(String.format("%-12s %-60s %s", stateName(configuration.state), description.name, description.bundle.symbolicName));
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
