// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.CaException;
import renkei.ca.core.CaService;
import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.CertificateIssuer;
import renkei.ca.core.internal.IssuerSource;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.standalone.StandalonePlatform;
import renkei.ca.core.internal.TestConfig;
import renkei.ca.core.internal.TestClock;

/** CA-08: the hourly task signs a CRL only when due, through the real CA service, and reports a refused key. */
class CrlScheduleTaskTest {

    private static final Duration REISSUE_BEFORE = Duration.ofDays(7);

    private final TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));
    /** Stands in for dual-control activation: the issuer is handed out only while this is set. */
    private final AtomicBoolean activated = new AtomicBoolean(true);
    private StandalonePlatform platform;
    private NotificationService notifications;
    private CaService ca;

    @BeforeEach
    void setUp() {
        platform = StandalonePlatform.inMemory();
        notifications = platform.notifications(TestConfig.of(Map.of()));
        CertificateIssuer issuer = OpsFixtures.issuer();
        IssuerSource whileActivated = (c, now) -> {
            if (!activated.get()) {
                throw new CaException("The CA key is not activated; two CA operators must activate it");
            }
            return issuer;
        };
        ca = OpsFixtures.service(platform.database(), platform.audit(), whileActivated, () -> OpsFixtures.ca().certificate(), clock);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void signsTheFirstCrlThenOnlyWhenWithinSevenDaysOfNextUpdate() {
        CrlScheduleTask task = new CrlScheduleTask(ca, notifications, REISSUE_BEFORE, clock);
        assertTrue(ca.latestCrl().isEmpty());

        task.run();
        SignedCrl first = ca.latestCrl().orElseThrow();
        assertEquals(clock.instant().plus(CertificateIssuer.CRL_VALIDITY), first.nextUpdate());

        task.run();
        clock.set(first.nextUpdate().minus(REISSUE_BEFORE).minusSeconds(1));
        task.run();
        assertEquals(first.number(), ca.latestCrl().orElseThrow().number(), "not due yet: no new CRL");

        clock.set(first.nextUpdate().minus(REISSUE_BEFORE));
        task.run();
        SignedCrl second = ca.latestCrl().orElseThrow();
        assertTrue(second.number().compareTo(first.number()) > 0, "CRL number increases: " + first.number() + " -> " + second.number());
        assertEquals(first.number().add(BigInteger.ONE), second.number());
        assertEquals(clock.instant().plus(CertificateIssuer.CRL_VALIDITY), second.nextUpdate());
        assertEquals(0, notifications.feed(10).size(), "routine re-issues do not fill the feed");
    }

    @Test
    void aCrlSignedByARevocationPostponesTheScheduledOne() {
        CrlScheduleTask task = new CrlScheduleTask(ca, notifications, REISSUE_BEFORE, clock);
        task.run();
        SignedCrl scheduled = ca.latestCrl().orElseThrow();
        clock.advance(Duration.ofDays(20));
        SignedCrl manual = ca.issueCrl(renkei.platform.Session.system());

        clock.set(scheduled.nextUpdate().minus(REISSUE_BEFORE));
        task.run();
        assertEquals(manual.number(), ca.latestCrl().orElseThrow().number(), "the newest CRL is 10 days from its nextUpdate");
    }

    @Test
    void aRefusedKeyFailsTheRunWithItsCauseAndPostsOneCriticalItem() {
        CrlScheduleTask task = new CrlScheduleTask(ca, notifications, REISSUE_BEFORE, clock);
        task.run();
        SignedCrl current = ca.latestCrl().orElseThrow();
        activated.set(false);
        clock.set(current.nextUpdate().minus(Duration.ofDays(6)));

        IllegalStateException failure = assertThrows(IllegalStateException.class, task::run);
        assertTrue(failure.getMessage().contains("The CA key is not activated"), failure.getMessage());
        assertTrue(failure.getCause() instanceof CaException);
        Notification item = notifications.feed(1).get(0);
        assertEquals(Severity.CRITICAL, item.severity());
        assertEquals(CrlScheduleTask.FEED_SOURCE, item.source());
        assertEquals("CRL could not be re-issued", item.title());
        assertTrue(item.body().contains("number " + current.number() + ") runs out at " + CertificateMail.time(current.nextUpdate())),
                item.body());

        clock.advance(Duration.ofHours(1));
        assertThrows(IllegalStateException.class, task::run);
        assertEquals(1, notifications.feed(10).size(), "the same cause is posted once, not every hour");
        assertEquals(current.number(), ca.latestCrl().orElseThrow().number());

        activated.set(true);
        clock.advance(Duration.ofHours(1));
        task.run();
        assertEquals(current.number().add(BigInteger.ONE), ca.latestCrl().orElseThrow().number());
        assertEquals(Severity.INFO, notifications.feed(1).get(0).severity());
        assertEquals("CRL re-issued", notifications.feed(1).get(0).title());
    }

    @Test
    void beforeTheKeyCeremonyThereIsNothingToSign() {
        CaService noCa = OpsFixtures.service(platform.database(), platform.audit(), IssuerSource.fixed(OpsFixtures.issuer()),
                () -> {
                    throw new CaException("No CA yet: run the key ceremony (ca init)");
                }, clock);
        new CrlScheduleTask(noCa, notifications, REISSUE_BEFORE, clock).run();
        assertTrue(noCa.latestCrl().isEmpty());
        assertEquals(0, notifications.feed(10).size());
    }

    @Test
    void reissueLeadIsNeverShorterThanSevenDays() {
        assertEquals(Duration.ofDays(7), CaSettings.from(TestConfig.of(Map.of("ca.crl.reissueBefore", "P3D"))).crlReissueBefore());
        assertEquals(Duration.ofDays(10), CaSettings.from(TestConfig.of(Map.of("ca.crl.reissueBefore", "P10D"))).crlReissueBefore());
    }
}
