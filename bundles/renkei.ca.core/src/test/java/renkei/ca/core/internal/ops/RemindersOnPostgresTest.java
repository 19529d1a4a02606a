// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import renkei.ca.core.CaService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.internal.CaSettings;
import renkei.ca.core.internal.IssuerSource;
import renkei.ca.core.internal.OpsFixtures;
import renkei.platform.NotificationService;
import renkei.platform.Session;
import renkei.platform.standalone.StandalonePlatform;
import renkei.ca.core.internal.TestConfig;
import renkei.ca.core.internal.TestClock;
import renkei.ca.core.internal.TestPostgres;

/**
 * V6 and the reminder claim on PostgreSQL 15 (the server {@code releng/test} starts, URL in
 * {@code renkei.test.pg.url}): two servers on one database send a reminder once, and a repeated
 * claim is refused through PostgreSQL's unique-violation state as it is through H2's.
 */
class RemindersOnPostgresTest {

    @Test
    void twoServersOnOnePostgresDatabaseRemindOnce() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));
        TestConfig config = TestConfig.of(Map.of("mail.from", "ca@console.example.jp", "ca.mail.admins", "ca-admin@hpci.example.jp",
                "ca.mail.issued.example.ac.jp", "ra@example.ac.jp"));
        String url = TestPostgres.freshSchemaUrl();
        try (StandalonePlatform first = StandalonePlatform.open(url, TestPostgres.user(), "");
                StandalonePlatform second = StandalonePlatform.open(url, TestPostgres.user(), "")) {
            CaService ca = OpsFixtures.service(first.database(), first.audit(), IssuerSource.fixed(OpsFixtures.issuer()),
                    () -> OpsFixtures.ca().certificate(), clock);
            IssuedCertificate host = ca.issue(Session.system(), renkei.ca.core.CertificateProfile.HOST, OpsFixtures.csrA(),
                    java.util.Optional.of("host01.example.ac.jp"));
            NotificationService notifications = first.notifications(config);
            clock.set(host.notAfter().minus(Duration.ofDays(3)));

            new ExpiryReminderTask(q -> ca.search(Session.system(), q), notifications, first.database(), CaSettings.from(config), clock).run();
            new ExpiryReminderTask(q -> ca.search(Session.system(), q), second.notifications(config), second.database(),
                    CaSettings.from(config), clock).run();

            assertEquals(2, notifications.mailQueue(10).size());
            assertEquals(1, notifications.feed(10).size());
            ReminderLedger ledger = new ReminderLedger(second.database());
            assertFalse(ledger.claim(host.serialHex(), ExpiryReminderTask.STAGE, clock.instant()));
            assertTrue(ledger.claim(host.serialHex(), "later-stage", clock.instant()));
        }
    }
}
