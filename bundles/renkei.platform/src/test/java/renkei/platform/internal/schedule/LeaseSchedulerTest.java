// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import renkei.platform.SourceHealth;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.internal.PlatformSchema;
import renkei.platform.testsupport.MutableClock;
import renkei.platform.testsupport.TestDatabases;
import renkei.spi.HealthResult;
import renkei.spi.HealthStatus;
import renkei.spi.PeriodicTask;
import renkei.spi.AbstractHealthCheck;

class LeaseSchedulerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));

    @Test
    void eachDueRunHappensOnceAcrossTwoInstancesOnH2() throws Exception {
        String url = "jdbc:h2:mem:sched-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        exactlyOnce(() -> new JdbcDatabase(url, "sa", ""));
    }

    @Test
    void eachDueRunHappensOnceAcrossTwoInstancesOnPostgres() throws Exception {
        String url = TestDatabases.postgresSchemaUrl();
        exactlyOnce(() -> new JdbcDatabase(url, TestDatabases.postgresUser(), ""));
    }

    private void exactlyOnce(Supplier<JdbcDatabase> connect) throws Exception {
        try (JdbcDatabase first = connect.get(); JdbcDatabase second = connect.get()) {
            first.migrate(PlatformSchema.migrations());
            second.migrate(PlatformSchema.migrations());
            AtomicInteger runs = new AtomicInteger();
            LeaseScheduler a = new LeaseScheduler(first, clock, true);
            LeaseScheduler b = new LeaseScheduler(second, clock, true);
            a.register(counting("crl.reissue", runs));
            b.register(counting("crl.reissue", runs));

            race(a, b);
            assertEquals(1, runs.get(), "a due run must happen exactly once");
            race(a, b);
            assertEquals(1, runs.get(), "not due again before its interval");

            clock.advance(Duration.ofHours(1));
            race(a, b);
            assertEquals(2, runs.get(), "due again after the interval, once");
        }
    }

    private static void race(LeaseScheduler a, LeaseScheduler b) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (LeaseScheduler scheduler : List.of(a, b, a, b)) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        scheduler.runDueTasks();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void failuresAreRecordedWithTheirCauseAndRetriedNextInterval() {
        try (JdbcDatabase db = TestDatabases.h2Migrated()) {
            LeaseScheduler scheduler = new LeaseScheduler(db, clock, true);
            AtomicInteger attempts = new AtomicInteger();
            scheduler.register(task("metadata.sync", Duration.ofMinutes(10), () -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("download failed", new java.net.ConnectException("Connection refused"));
            }));
            assertEquals(List.of("metadata.sync"), scheduler.runDueTasks());
            SourceHealth health = new HealthStore(db).get("metadata.sync").orElseThrow();
            assertEquals(HealthStatus.CRITICAL, health.status());
            assertEquals("download failed", health.lastError().orElseThrow());
            assertTrue(health.lastErrorCause().orElseThrow().startsWith("java.net.ConnectException: Connection refused"),
                    health.lastErrorCause().orElseThrow());
            assertEquals(1, health.consecutiveFailures());
            assertEquals(clock.instant().plus(Duration.ofMinutes(10)), health.nextRun().orElseThrow());
            assertTrue(health.lastSuccess().isEmpty());
            assertTrue(scheduler.runDueTasks().isEmpty());
            clock.advance(Duration.ofMinutes(10));
            scheduler.runDueTasks();
            assertEquals(2, attempts.get());
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverByAnotherProcess() {
        try (JdbcDatabase db = TestDatabases.h2Migrated()) {
            LeaseScheduler crashed = new LeaseScheduler(db, clock, true);
            LeaseScheduler survivor = new LeaseScheduler(db, clock, true);
            AtomicInteger runs = new AtomicInteger();
            crashed.register(counting("gfarm.poll", runs));
            survivor.register(counting("gfarm.poll", runs));
            assertTrue(crashed.claim("gfarm.poll", clock.instant()), "first process claims, then dies without releasing");
            assertTrue(survivor.runDueTasks().isEmpty(), "the lease still protects the run");
            assertFalse(survivor.runNow("gfarm.poll"), "not even on demand while someone holds the lease");
            clock.advance(LeaseScheduler.LEASE.plusSeconds(1));
            assertEquals(List.of("gfarm.poll"), survivor.runDueTasks());
            assertEquals(1, runs.get());
        }
    }

    @Test
    void healthChecksRecordTheirVerdictAndExpiry() {
        try (JdbcDatabase db = TestDatabases.h2Migrated()) {
            HealthStore store = new HealthStore(db);
            LeaseScheduler scheduler = new LeaseScheduler(db, clock, true);
            Instant crlNextUpdate = clock.instant().plus(Duration.ofDays(5));
            AtomicInteger notified = new AtomicInteger();
            scheduler.register(new HealthCheckTask(new AbstractHealthCheck("ca.crl", "CRL freshness", Duration.ofHours(1)) {
                @Override
                public HealthResult check() {
                    return HealthResult.warning("CRL expires in 5 days").expiringAt(crlNextUpdate);
                }
            }, store, clock, notified::incrementAndGet));
            assertTrue(scheduler.runNow("ca.crl"));
            SourceHealth health = store.get("ca.crl").orElseThrow();
            assertEquals("check", health.kind());
            assertEquals(HealthStatus.WARNING, health.status());
            assertEquals(crlNextUpdate, health.expiresAt().orElseThrow());
            assertEquals(Duration.ofDays(5), health.expiresIn(clock.instant()).orElseThrow());
            assertEquals(clock.instant(), health.lastSuccess().orElseThrow());
            assertEquals(1, notified.get());
        }
    }

    @Test
    void aHangingCheckTimesOutAsAFailure() {
        try (JdbcDatabase db = TestDatabases.h2Migrated()) {
            HealthStore store = new HealthStore(db);
            LeaseScheduler scheduler = new LeaseScheduler(db, clock, true);
            scheduler.register(new HealthCheckTask(new AbstractHealthCheck("slow", "Slow source", Duration.ofHours(1)) {
                @Override
                public Duration timeout() {
                    return Duration.ofMillis(200);
                }

                @Override
                public HealthResult check() throws Exception {
                    Thread.sleep(10_000);
                    return HealthResult.ok("never");
                }
            }, store, clock, () -> { }));
            scheduler.runNow("slow");
            SourceHealth health = store.get("slow").orElseThrow();
            assertEquals(HealthStatus.CRITICAL, health.status());
            assertTrue(health.lastError().orElseThrow().contains("No answer within"), health.lastError().orElseThrow());
        }
    }

    private static PeriodicTask counting(String id, AtomicInteger runs) {
        return task(id, Duration.ofHours(1), runs::incrementAndGet);
    }

    private static PeriodicTask task(String id, Duration interval, Runnable body) {
        return new PeriodicTask() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() {
                body.run();
            }
        };
    }
}
