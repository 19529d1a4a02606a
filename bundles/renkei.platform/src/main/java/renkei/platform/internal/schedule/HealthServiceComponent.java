// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import renkei.platform.Database;
import renkei.platform.HealthService;
import renkei.platform.Scheduler;
import renkei.platform.SourceHealth;
import renkei.spi.HealthCheck;
import renkei.spi.PeriodicTask;

/**
 * Collects every {@link HealthCheck} service (site bundles included, arriving and leaving at any
 * time) and publishes each as a {@link PeriodicTask} so the scheduler runs it.
 */
@Component(service = HealthService.class, immediate = true)
public final class HealthServiceComponent implements HealthService {

    private final HealthStore store;
    private final Scheduler scheduler;
    private final BundleContext context;
    private final Map<HealthCheck, ServiceRegistration<PeriodicTask>> registrations = new ConcurrentHashMap<>();
    private volatile EventAdmin events;

    @Activate
    public HealthServiceComponent(@Reference Database database, @Reference Scheduler scheduler, BundleContext context) {
        this.store = new HealthStore(database);
        this.scheduler = scheduler;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check) {
        HealthCheckTask task = new HealthCheckTask(check, store, Clock.systemUTC(), () -> changed(check.id()));
        registrations.put(check, context.registerService(PeriodicTask.class, task, null));
    }

    void removeCheck(HealthCheck check) {
        ServiceRegistration<PeriodicTask> registration = registrations.remove(check);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters services itself when this bundle stops.
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEvents(EventAdmin eventAdmin) {
        this.events = eventAdmin;
    }

    void unsetEvents(EventAdmin eventAdmin) {
        if (this.events == eventAdmin) {
            this.events = null;
        }
    }

    @Deactivate
    void stop() {
        registrations.keySet().forEach(this::removeCheck);
    }

    @Override
    public List<SourceHealth> all() {
        return store.all();
    }

    @Override
    public Optional<SourceHealth> get(String sourceId) {
        return store.get(sourceId);
    }

    @Override
    public SourceHealth runNow(String sourceId) {
        scheduler.runNow(sourceId);
        changed(sourceId);
        return store.get(sourceId).orElseThrow(() -> new IllegalArgumentException("Unknown source " + sourceId));
    }

    private void changed(String sourceId) {
        EventAdmin eventAdmin = events;
        if (eventAdmin != null) {
            eventAdmin.postEvent(new Event(TOPIC_CHANGED, Map.of("sourceId", sourceId)));
        }
    }
}
