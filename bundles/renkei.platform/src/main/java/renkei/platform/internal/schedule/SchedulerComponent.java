// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import renkei.platform.Database;
import renkei.platform.Scheduler;
import renkei.platform.SiteConfig;
import renkei.spi.PeriodicTask;

/**
 * The scheduler service with its background ticker. Whether this process executes tasks is decided
 * by the system property {@code renkei.scheduler.enabled}, then the site key
 * {@code scheduler.enabled}, each {@code true}, {@code false} or {@code auto}; {@code auto} runs
 * tasks only on an embedded H2 database, where this process is the only one that could.
 */
@Component(service = Scheduler.class, immediate = true)
public final class SchedulerComponent extends LeaseScheduler {

    private static final Logger LOG = Logger.getLogger(SchedulerComponent.class.getName());

    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Activate
    public SchedulerComponent(@Reference Database database, @Reference SiteConfig config) {
        super(database, Clock.systemUTC(), decideActive(database, config));
        if (isActive()) {
            Duration tick = config.getDuration("scheduler.tick", Duration.ofSeconds(5));
            ticker = Executors.newSingleThreadScheduledExecutor(daemon("renkei-scheduler"));
            workers = Executors.newFixedThreadPool(config.getInt("scheduler.threads", 4), daemon("renkei-task"));
            ticker.scheduleWithFixedDelay(this::dispatchDue, 1000, tick.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(() -> "Scheduler active as " + ownerId());
        } else {
            ticker = null;
            workers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTask(PeriodicTask task) {
        try {
            register(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot register task " + task.id(), e);
        }
    }

    void removeTask(PeriodicTask task) {
        unregister(task);
    }

    private void dispatchDue() {
        for (PeriodicTask task : tasks().values()) {
            if (running.add(task.id())) {
                workers.execute(() -> {
                    try {
                        runIfDue(task);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Scheduling " + task.id() + " failed", e);
                    } finally {
                        running.remove(task.id());
                    }
                });
            }
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        }
    }

    static boolean decideActive(Database database, SiteConfig config) {
        String setting = System.getProperty("renkei.scheduler.enabled", config.get("scheduler.enabled", "auto"));
        return switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> database.dialect() == Database.Dialect.H2 && !database.describe().matches("jdbc:h2:(tcp|ssl):.*");
            default -> throw new IllegalArgumentException("scheduler.enabled must be true, false or auto: " + setting);
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
