// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds Declarative Services components that are not working, with the reason, so the console can
 * say "the identity service is missing because the database component is unsatisfied" instead of
 * just "missing". Reads the Service Component Runtime's DTOs; safe on any thread, no I/O.
 */
public final class ComponentDiagnostics {

    /** A component configuration that is neither active nor satisfied, or that failed to activate. */
    public record Problem(String component, String bundle, String state, List<String> missingReferences, String failure) {

        /** One line, e.g. "renkei.platform.internal.X (renkei.platform): unsatisfied reference, missing Database". */
        public String describe() {
            StringBuilder text = new StringBuilder(component).append(" (").append(bundle).append("): ").append(state);
            if (!missingReferences.isEmpty()) {
                text.append(", missing ").append(String.join(", ", missingReferences));
            }
            if (failure != null && !failure.isBlank()) {
                text.append(", ").append(failure.lines().findFirst().orElse(failure));
            }
            return text.toString();
        }
    }

    private ComponentDiagnostics() {
    }

    public static List<Problem> problems(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return List.of(new Problem("org.apache.felix.scr", "", "not running", List.of(), "no ServiceComponentRuntime"));
        }
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            List<Problem> problems = new ArrayList<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(new Problem(description.name, description.bundle.symbolicName, stateName(configuration.state),
                                Arrays.stream(configuration.unsatisfiedReferences)
                                        .map(unsatisfied -> unsatisfied.target == null ? unsatisfied.name
                                                : unsatisfied.name + " " + unsatisfied.target)
                                        .collect(Collectors.toList()),
                                configuration.failure));
                    }
                }
            }
            return problems;
        } finally {
            context.ungetService(reference);
        }
    }

    /** The problems of the given bundles only, one per line; empty when all is well. */
    public static String describe(BundleContext context, String... bundles) {
        List<String> wanted = List.of(bundles);
        return problems(context).stream()
                .filter(problem -> wanted.isEmpty() || wanted.contains(problem.bundle()))
                .map(Problem::describe)
                .collect(Collectors.joining("\n"));
    }

    static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "state " + state;
        };
    }
}
