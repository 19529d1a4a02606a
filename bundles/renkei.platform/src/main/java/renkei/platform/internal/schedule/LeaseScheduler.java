// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import renkei.platform.Database;
import renkei.platform.Scheduler;
import renkei.spi.HealthStatus;
import renkei.spi.PeriodicTask;

/**
 * Runs due {@link PeriodicTask}s, claiming each run through the task's lease row in
 * {@code renkei_job}: the conditional UPDATE succeeds for exactly one process however many share the
 * database, so no cluster protocol of our own is needed. A process that dies mid-run leaves a lease
 * that expires, after which another process takes the task over.
 *
 * <p>Thread-safe. {@link #runDueTasks()} blocks while tasks run.
 */
public class LeaseScheduler implements Scheduler {

    private static final Logger LOG = Logger.getLogger(LeaseScheduler.class.getName());
    static final Duration LEASE = Duration.ofMinutes(15);

    private final Database database;
    private final HealthStore health;
    private final Clock clock;
    private final boolean active;
    private final String ownerId;
    private final Map<String, PeriodicTask> tasks = new ConcurrentHashMap<>();

    public LeaseScheduler(Database database, Clock clock, boolean active) {
        this.database = database;
        this.health = new HealthStore(database);
        this.clock = clock;
        this.active = active;
        this.ownerId = processName() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void register(PeriodicTask task) {
        tasks.put(task.id(), task);
        Instant now = clock.instant();
        ensureJobRow(task.id(), now);
        health.declare(task.id(), task.displayName(), kindOf(task), now);
    }

    public void unregister(PeriodicTask task) {
        tasks.remove(task.id(), task);
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public String ownerId() {
        return ownerId;
    }

    @Override
    public List<String> taskIds() {
        return tasks.keySet().stream().sorted().toList();
    }

    @Override
    public List<String> runDueTasks() {
        List<String> ran = new ArrayList<>();
        for (PeriodicTask task : List.copyOf(tasks.values())) {
            Instant now = clock.instant();
            if (claim(task.id(), now)) {
                run(task, now);
                ran.add(task.id());
            }
        }
        return ran;
    }

    @Override
    public boolean runNow(String taskId) {
        PeriodicTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("No task " + taskId + " is registered in this process");
        }
        Instant now = clock.instant();
        if (!claim(taskId, now, true)) {
            return false;
        }
        run(task, now);
        return true;
    }

    /** Claims and runs one task if due; used by the background ticker. */
    boolean runIfDue(PeriodicTask task) {
        Instant now = clock.instant();
        if (!claim(task.id(), now)) {
            return false;
        }
        run(task, now);
        return true;
    }

    Map<String, PeriodicTask> tasks() {
        return tasks;
    }

    private void run(PeriodicTask task, Instant started) {
        Instant next = started.plus(task.interval());
        try {
            task.run();
            if (!(task instanceof ReportsOwnHealth)) {
                health.recordSuccess(task.id(), HealthStatus.OK, "Last run took "
                        + Duration.between(started, clock.instant()).toMillis() + " ms", clock.instant(), java.util.Optional.empty());
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Task " + task.id() + " failed", e);
            if (!(task instanceof ReportsOwnHealth)) {
                health.recordFailure(task.id(), e, clock.instant());
            }
        } finally {
            release(task.id(), next);
            health.recordNextRun(task.id(), next);
        }
    }

    private void ensureJobRow(String jobId, Instant now) {
        database.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO renkei_job (job_id, next_run) VALUES (?, ?)")) {
                insert.setString(1, jobId);
                insert.setObject(2, HealthStore.utc(now));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** The single statement that decides who runs a due task. */
    boolean claim(String jobId, Instant now) {
        return claim(jobId, now, false);
    }

    private boolean claim(String jobId, Instant now, boolean evenIfNotDue) {
        return database.withConnection(c -> {
            try (PreparedStatement claim = c.prepareStatement("UPDATE renkei_job SET owner = ?, lease_until = ?, last_start = ? "
                    + "WHERE job_id = ? AND (next_run <= ? OR " + evenIfNotDue + ") AND (lease_until IS NULL OR lease_until < ?)")) {
                claim.setString(1, ownerId);
                claim.setObject(2, HealthStore.utc(now.plus(LEASE)));
                claim.setObject(3, HealthStore.utc(now));
                claim.setString(4, jobId);
                claim.setObject(5, HealthStore.utc(now));
                claim.setObject(6, HealthStore.utc(now));
                return claim.executeUpdate() == 1;
            }
        });
    }

    private void release(String jobId, Instant nextRun) {
        database.withConnection(c -> {
            try (PreparedStatement release = c.prepareStatement("UPDATE renkei_job SET owner = NULL, lease_until = NULL, "
                    + "next_run = ?, run_count = run_count + 1 WHERE job_id = ? AND owner = ?")) {
                release.setObject(1, HealthStore.utc(nextRun));
                release.setString(2, jobId);
                release.setString(3, ownerId);
                return release.executeUpdate();
            }
        });
    }

    private static String kindOf(PeriodicTask task) {
        return task instanceof ReportsOwnHealth ? "check" : "job";
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Marker for tasks that store their own verdict in the health table (health checks). */
    public interface ReportsOwnHealth {
    }
}
