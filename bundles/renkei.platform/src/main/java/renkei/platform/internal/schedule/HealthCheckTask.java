// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import renkei.spi.HealthCheck;
import renkei.spi.HealthResult;
import renkei.spi.PeriodicTask;

/**
 * Adapts a site's or domain's {@link HealthCheck} to the scheduler and stores its verdict, so checks
 * share the scheduler's single-run guarantee and a console sees results produced by any server.
 */
public final class HealthCheckTask implements PeriodicTask, LeaseScheduler.ReportsOwnHealth {

    private static final ExecutorService CHECK_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "renkei-health-check");
        thread.setDaemon(true);
        return thread;
    });

    private final HealthCheck check;
    private final HealthStore store;
    private final Clock clock;
    private final Runnable onChange;

    public HealthCheckTask(HealthCheck check, HealthStore store, Clock clock, Runnable onChange) {
        this.check = check;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    public String id() {
        return check.id();
    }

    @Override
    public String displayName() {
        return check.displayName();
    }

    @Override
    public Duration interval() {
        return check.interval();
    }

    @Override
    public void run() {
        Future<HealthResult> outcome = CHECK_THREADS.submit(check::check);
        try {
            HealthResult result = outcome.get(check.timeout().toMillis(), TimeUnit.MILLISECONDS);
            store.recordSuccess(check.id(), result.status(), result.summary(), clock.instant(), result.expiresAt());
        } catch (TimeoutException e) {
            outcome.cancel(true);
            store.recordFailure(check.id(), new TimeoutException("No answer within " + check.timeout().toSeconds() + " s"),
                    clock.instant());
        } catch (ExecutionException e) {
            store.recordFailure(check.id(), e.getCause(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.recordFailure(check.id(), e, clock.instant());
        } finally {
            onChange.run();
        }
    }
}
