// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import renkei.ca.core.SignedCrl;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.standalone.StandalonePlatform;
import renkei.ca.core.internal.TestConfig;
import renkei.ca.core.internal.TestClock;

/** CA-15: the monthly reminder that resource sites refresh their CRL, once a month across servers. */
class CrlRefreshReminderTaskTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-04-01T00:30:00Z"));
    private final StandalonePlatform platform = StandalonePlatform.inMemory();

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void postsOncePerMonthWithTheCurrentCrl() {
        TestConfig config = TestConfig.of(Map.of("ca.repository.url", "https://ca.example.ac.jp/repository"));
        NotificationService notifications = platform.notifications(config);
        SignedCrl crl = OpsFixtures.authority(platform.database(), platform.audit(), clock).crl("system", "");
        CrlRefreshReminderTask server1 = new CrlRefreshReminderTask(() -> Optional.of(crl), notifications, platform.database(),
                CaSettings.from(config), clock);
        CrlRefreshReminderTask server2 = new CrlRefreshReminderTask(() -> Optional.of(crl), notifications, platform.database(),
                CaSettings.from(config), clock);

        server1.run();
        server2.run();
        clock.advance(Duration.ofDays(29));
        server1.run();
        assertEquals(1, notifications.feed(10).size(), "one item for April");
        Notification april = notifications.feed(1).get(0);
        assertEquals(Severity.INFO, april.severity());
        assertEquals("Monthly CRL refresh (2026-04)", april.title());
        assertTrue(april.body().contains("https://ca.example.ac.jp/repository"), april.body());
        assertTrue(april.body().contains("number " + crl.number() + ", valid until " + CertificateMail.time(crl.nextUpdate())),
                april.body());

        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        server2.run();
        server1.run();
        assertEquals(2, notifications.feed(10).size());
        assertEquals("Monthly CRL refresh (2026-05)", notifications.feed(1).get(0).title());
    }

    @Test
    void saysSoWhenThereIsNoCrlYet() {
        TestConfig config = TestConfig.of(Map.of());
        NotificationService notifications = platform.notifications(config);
        new CrlRefreshReminderTask(Optional::empty, notifications, platform.database(), CaSettings.from(config), clock).run();
        assertTrue(notifications.feed(1).get(0).body().contains("has not issued a CRL yet"), notifications.feed(1).get(0).body());
    }
}
